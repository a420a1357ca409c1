package fr.reflexespublics.security.forms;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A form's checkbox that a gateway reads. Tasklist always submits a visible checkbox (false when
 * unticked); a REST client may leave it out. Left out, it counts as unticked, and the gateways of
 * the same transaction find it: it is set as a transient value, never stored.
 */
public final class Checkboxes {

  private Checkboxes() {
  }

  /** Whether the checkbox was ticked; left out: unticked (set as a transient false). */
  public static boolean ticked(VariableScope scope, String key) {
    TypedValue value = scope.getVariableTyped(key);
    if (value == null) {
      scope.setVariable(key, Variables.booleanValue(false, true));
      return false;
    }
    return Boolean.TRUE.equals(value.getValue());
  }
}
