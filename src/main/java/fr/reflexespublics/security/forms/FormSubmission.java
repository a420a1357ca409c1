package fr.reflexespublics.security.forms;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A submission whose fields have passed the form's own checks, as seen by {@link FormRules}:
 * values are plain Java values (String, Integer, Boolean, List of String, List of Map).
 *
 * @param formId the form
 * @param processDefinitionKey the process
 * @param taskDefinitionKey the user task, or null for a start form
 * @param userId the authenticated user, or null when the engine acts on its own
 * @param values the submitted values, by key
 * @param existing the variables the process already holds (empty for a start form)
 */
public record FormSubmission(String formId, String processDefinitionKey, String taskDefinitionKey,
    String userId, Map<String, Object> values, Function<String, Object> existing) {

  public FormSubmission {
    values = Collections.unmodifiableMap(values);
  }

  public boolean isStart() {
    return taskDefinitionKey == null;
  }

  /** Whether the field was submitted at all (possibly empty). */
  public boolean given(String key) {
    return values.containsKey(key);
  }

  /** Whether the field was given with a non-empty value. */
  public boolean has(String key) {
    Object v = values.get(key);
    return v != null && !(v instanceof String s && s.isBlank()) && !(v instanceof List<?> l && l.isEmpty());
  }

  public String text(String key) {
    Object v = values.get(key);
    return v instanceof String s && !s.isBlank() ? s : null;
  }

  public Integer integer(String key) {
    return values.get(key) instanceof Integer i ? i : null;
  }

  public Boolean bool(String key) {
    return values.get(key) instanceof Boolean b ? b : null;
  }

  public LocalDate date(String key) {
    String s = text(key);
    return s == null ? null : LocalDate.parse(s);
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String key) {
    return values.get(key) instanceof List<?> l ? (List<String>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> entries(String key) {
    return values.get(key) instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  /** A variable the process already holds (task forms), or null. */
  public Object existingValue(String key) {
    return existing.apply(key);
  }
}
