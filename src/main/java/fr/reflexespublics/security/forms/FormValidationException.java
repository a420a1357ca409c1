package fr.reflexespublics.security.forms;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission the server does not accept. It is a {@link FormFieldValidationException}, which
 * Camunda's REST API (start, submit-form, complete) answers with HTTP 400 and its message, shown
 * by Tasklist; the command is not executed, so nothing is stored.
 */
public class FormValidationException extends FormFieldValidationException {

  private final String formId;
  private final List<String> violations;

  public FormValidationException(String formId, List<String> violations) {
    super(List.copyOf(violations), "The form '" + formId + "' was not accepted: " + String.join("; ", violations));
    this.formId = formId;
    this.violations = List.copyOf(violations);
  }

  public String getFormId() {
    return formId;
  }

  public List<String> getViolations() {
    return violations;
  }
}
