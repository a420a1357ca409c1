package fr.reflexespublics.security.forms;

import java.util.Map;

/**
 * The fields a form accepts, by key, in form order.
 *
 * @param formId the form's id (= file name without .form)
 */
public record FormSpec(String formId, Map<String, FieldSpec> fields) {}
