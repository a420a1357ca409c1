package fr.reflexespublics.security.forms;

import java.util.function.BiConsumer;

/**
 * Rules of one form that its JSON cannot express (cross-field checks, quotas, users that must
 * exist...). Declared as Spring beans; run after the field checks passed, inside the same
 * transaction, before the engine stores anything.
 */
public interface FormRules {

  /** The form these rules belong to. */
  String formId();

  void check(FormSubmission submission, Violations violations);

  /** Rules of a form given as a function. */
  static FormRules of(String formId, BiConsumer<FormSubmission, Violations> check) {
    return new FormRules() {
      @Override
      public String formId() {
        return formId;
      }

      @Override
      public void check(FormSubmission submission, Violations violations) {
        check.accept(submission, violations);
      }
    };
  }
}
