package fr.reflexespublics.security.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the server accepts for one form field, read from the Camunda Form (form-js JSON).
 *
 * @param key variable name (the REST contract)
 * @param label label shown to the user, used in messages
 * @param kind value kind, from the form-js component type
 * @param required {@code validate.required}
 * @param minLength {@code validate.minLength} (text)
 * @param maxLength {@code validate.maxLength} (text)
 * @param pattern {@code validate.pattern} (text)
 * @param email {@code validate.validationType = email}
 * @param min {@code validate.min} (number)
 * @param max {@code validate.max} (number)
 * @param values allowed values of a select, radio, checklist or taglist; null when the options
 *     come from a variable ({@code valuesKey})
 * @param disallowPassedDates date fields: no date before today
 * @param hideExpression FEEL condition ({@code conditional.hide}, without the leading '='), or null
 * @param readOnly readonly field: shows a value, never changes it
 * @param items the fields of each entry of a dynamic list
 * @param transientValue the form's custom property {@code transient = true}: the value reaches the
 *     listeners of the step but is never stored as a variable (so never in history either); the
 *     step keeps it in its own records
 */
public record FieldSpec(
    String key,
    String label,
    Kind kind,
    boolean required,
    Integer minLength,
    Integer maxLength,
    Pattern pattern,
    boolean email,
    BigDecimal min,
    BigDecimal max,
    Set<String> values,
    boolean disallowPassedDates,
    String hideExpression,
    boolean readOnly,
    List<FieldSpec> items,
    boolean transientValue) {

  /** Kinds of values, one per family of form-js components. */
  public enum Kind {
    /** textfield, textarea: a string. */
    TEXT,
    /** number (integers only: the contract has no decimal numbers). */
    INTEGER,
    /** checkbox: a boolean. */
    BOOLEAN,
    /** radio, select: one of the values. */
    CHOICE,
    /** checklist, taglist: a JSON array of values. */
    CHOICES,
    /** datetime with subtype date: a yyyy-MM-dd string. */
    DATE,
    /** dynamiclist: a JSON array of objects. */
    LIST
  }
}
