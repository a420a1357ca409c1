package fr.reflexespublics.security.forms;

/**
 * Rules of one form that its JSON cannot express (cross-field checks, quotas, users that must
 * exist...). Declared as Spring beans; run after the field checks passed, inside the same
 * transaction, before the engine stores anything.
 */
public interface FormRules {

  /** The form these rules belong to. */
  String formId();

  void check(FormSubmission submission, Violations violations);
}
