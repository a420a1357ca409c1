package fr.reflexespublics.security.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks submitted variables against a {@link FormSpec}: unknown fields, required fields, types,
 * lengths, patterns, ranges, options, dates, conditional (hidden) fields and read-only fields.
 * Accepted values are normalised in the submitted map (Integer numbers, JSON arrays as Camunda
 * JSON values) and returned as plain Java values for {@link FormRules}.
 */
public class FormValidator {

  private static final Logger LOG = LoggerFactory.getLogger(FormValidator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
  /** Longest text accepted in any field, whatever the form says. */
  public static final int MAX_TEXT = 10_000;

  private final FeelConditions conditions = new FeelConditions();
  private final Supplier<LocalDate> today;

  public FormValidator(Supplier<LocalDate> today) {
    this.today = today;
  }

  /**
   * @param submitted the variables of the command; normalised in place
   * @param existing variables the process holds already (for conditions and read-only fields)
   * @return the accepted values as plain Java values
   */
  public Map<String, Object> validate(FormSpec spec, Map<String, Object> submitted,
      Function<String, Object> existing, Violations violations) {
    for (String key : submitted.keySet()) {
      if (!spec.fields().containsKey(key)) {
        violations.add(key, "unknown field: this form has no such field");
      }
    }
    Map<String, Object> plain = new LinkedHashMap<>();
    Map<String, Object> raw = new HashMap<>();
    Set<String> refused = new HashSet<>(); // values that cannot even be read (serialized objects)
    for (String key : submitted.keySet()) {
      if (spec.fields().containsKey(key)) {
        Object value = read(submitted, key, violations);
        if (value == REFUSED) {
          refused.add(key);
        } else {
          raw.put(key, value);
        }
      }
    }
    Map<String, Object> conditionContext = null; // built once, at the first conditional field
    for (FieldSpec field : spec.fields().values()) {
      String key = field.key();
      if (refused.contains(key)) {
        continue; // its violation is recorded; it is neither "given empty" nor a value to check
      }
      boolean given = submitted.containsKey(key);
      Object value = raw.get(key);
      if (field.hideExpression() != null && conditionContext == null) {
        conditionContext = conditionContext(spec, raw, existing);
      }
      if (field.hideExpression() != null && isHidden(spec, field, conditionContext)) {
        if (given && !isEmpty(value)) {
          violations.add(key, "must not be given here (the field is not shown in this case)");
        }
        submitted.keySet().remove(key); // not remove(): it reads the value, which throws for a serialized object
        continue;
      }
      if (field.readOnly()) {
        Object current = plainOf(existing.apply(key));
        boolean unchanged = Objects.equals(current, plainOf(value)) || (isEmpty(current) && isEmpty(value));
        if (given && !unchanged) {
          violations.add(key, "is read-only");
        }
        submitted.keySet().remove(key);
        continue;
      }
      if (isEmpty(value) || (field.kind() == FieldSpec.Kind.BOOLEAN && field.required() && Boolean.FALSE.equals(value))) {
        if (field.required()) {
          violations.add(key, field.kind() == FieldSpec.Kind.BOOLEAN ? "must be checked" : "is required");
        } else if (given) {
          plain.put(key, emptyOf(field)); // given empty: rules can tell it from "not given"
        }
        continue;
      }
      Object accepted = check(field, key, value, violations);
      if (accepted != null) {
        plain.put(key, accepted);
        normalise(field, key, accepted, submitted);
      }
    }
    for (FieldSpec field : spec.fields().values()) {
      // accepted values only: a refused one fails the submission anyway, and replacing it would
      // read it (a serialized object throws when read)
      if (field.transientValue() && plain.containsKey(field.key())) {
        TypedValue value = transientOf(plain.get(field.key()));
        if (submitted instanceof VariableMap map) {
          map.putValueTyped(field.key(), value); // put() would read the value it replaces
        } else {
          submitted.put(field.key(), value);
        }
      }
    }
    return plain;
  }

  /** A value that steps can read during the command but that the engine never stores. */
  private static TypedValue transientOf(Object value) {
    if (value instanceof Integer i) {
      return Variables.integerValue(i, true);
    }
    if (value instanceof Boolean b) {
      return Variables.booleanValue(b, true);
    }
    if (value instanceof List<?> list) {
      try {
        return SpinValues.jsonValue(JSON.writeValueAsString(list)).setTransient(true).create();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return Variables.stringValue(value == null ? null : value.toString(), true);
  }

  private Object check(FieldSpec field, String path, Object value, Violations violations) {
    return switch (field.kind()) {
      case TEXT -> checkText(field, path, value, violations);
      case INTEGER -> checkInteger(field, path, value, violations);
      case BOOLEAN -> {
        if (value instanceof Boolean b) {
          yield b;
        }
        violations.add(path, "must be true or false");
        yield null;
      }
      case CHOICE -> {
        if (!(value instanceof String s)) {
          violations.add(path, "must be one of " + options(field));
          yield null;
        }
        if (field.values() != null && !field.values().contains(s)) {
          violations.add(path, "'" + abbreviate(s) + "' is not one of " + options(field));
          yield null;
        }
        yield s;
      }
      case CHOICES -> checkChoices(field, path, value, violations);
      case DATE -> checkDate(field, path, value, violations);
      case LIST -> checkList(field, path, value, violations);
    };
  }

  private Object checkText(FieldSpec field, String path, Object value, Violations violations) {
    if (!(value instanceof String s)) {
      violations.add(path, "must be text");
      return null;
    }
    int length = s.codePointCount(0, s.length());
    if (field.minLength() != null && length < field.minLength()) {
      violations.add(path, "must have at least " + field.minLength() + " characters");
    } else if (length > Math.min(field.maxLength() == null ? MAX_TEXT : field.maxLength(), MAX_TEXT)) {
      violations.add(path, "must have at most "
          + Math.min(field.maxLength() == null ? MAX_TEXT : field.maxLength(), MAX_TEXT) + " characters");
    } else if (field.pattern() != null && !field.pattern().matcher(s).matches()) {
      violations.add(path, "does not have the expected format");
    } else if (field.email() && !EMAIL.matcher(s).matches()) {
      violations.add(path, "must be an e-mail address");
    } else {
      return s;
    }
    return null;
  }

  private Object checkInteger(FieldSpec field, String path, Object value, Violations violations) {
    Integer number = null;
    if (value instanceof Integer i) {
      number = i;
    } else if ((value instanceof Long || value instanceof Short) && Math.abs(((Number) value).longValue()) <= Integer.MAX_VALUE) {
      number = ((Number) value).intValue();
    } else if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
      number = d.intValue();
    }
    if (number == null) {
      violations.add(path, "must be a whole number");
      return null;
    }
    if (field.min() != null && BigDecimal.valueOf(number).compareTo(field.min()) < 0) {
      violations.add(path, "must be at least " + field.min().toPlainString());
      return null;
    }
    if (field.max() != null && BigDecimal.valueOf(number).compareTo(field.max()) > 0) {
      violations.add(path, "must be at most " + field.max().toPlainString());
      return null;
    }
    return number;
  }

  private Object checkDate(FieldSpec field, String path, Object value, Violations violations) {
    if (!(value instanceof String s) || !s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      violations.add(path, "must be a date written yyyy-MM-dd");
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(s);
      if (field.disallowPassedDates() && date.isBefore(today.get())) {
        violations.add(path, "must not be in the past");
        return null;
      }
      return s;
    } catch (DateTimeParseException e) {
      violations.add(path, "is not a valid date");
      return null;
    }
  }

  private Object checkChoices(FieldSpec field, String path, Object value, Violations violations) {
    JsonNode node = asJson(value);
    if (node == null || !node.isArray()) {
      violations.add(path, "must be a JSON array of " + options(field));
      return null;
    }
    List<String> chosen = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual() || (field.values() != null && !field.values().contains(element.asText()))) {
        violations.add(path, "'" + abbreviate(element.toString()) + "' is not one of " + options(field));
        return null;
      }
      if (!chosen.contains(element.asText())) {
        chosen.add(element.asText());
      }
    }
    if (field.required() && chosen.isEmpty()) {
      violations.add(path, "is required");
      return null;
    }
    return chosen;
  }

  private Object checkList(FieldSpec field, String path, Object value, Violations violations) {
    JsonNode node = asJson(value);
    if (node == null || !node.isArray()) {
      violations.add(path, "must be a JSON array of objects");
      return null;
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    int index = 0;
    int before = violations.messages().size();
    for (JsonNode element : node) {
      String at = path + "[" + index++ + "]";
      if (!element.isObject()) {
        violations.add(at, "must be an object");
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      Set<String> known = new java.util.HashSet<>();
      for (FieldSpec item : field.items()) {
        known.add(item.key());
        JsonNode v = element.get(item.key());
        Object itemValue = v == null || v.isNull() ? null : JSON.convertValue(v, Object.class);
        if (isEmpty(itemValue)) {
          if (item.required()) {
            violations.add(at + "." + item.key(), "is required");
          }
          continue;
        }
        Object accepted = check(item, at + "." + item.key(), itemValue, violations);
        if (accepted != null) {
          entry.put(item.key(), accepted);
        }
      }
      for (Iterator<String> names = element.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          violations.add(at + "." + name, "unknown field");
        }
      }
      entries.add(entry);
    }
    return violations.messages().size() == before ? entries : null;
  }

  /** What the conditions see: every field of the form, as submitted or else as the process holds it. */
  private static Map<String, Object> conditionContext(FormSpec spec, Map<String, Object> raw,
      Function<String, Object> existing) {
    Map<String, Object> context = new HashMap<>();
    for (String key : spec.fields().keySet()) {
      Object v = raw.containsKey(key) ? plainOf(raw.get(key)) : plainOf(existing.apply(key));
      context.put(key, v);
    }
    return context;
  }

  private boolean isHidden(FormSpec spec, FieldSpec field, Map<String, Object> context) {
    try {
      return Boolean.TRUE.equals(conditions.evaluate(field.hideExpression(), context));
    } catch (RuntimeException e) {
      LOG.warn("Form {}: condition of field {} could not be evaluated ({}); the field is treated as shown",
          spec.formId(), field.key(), e.getClass().getSimpleName());
      return false;
    }
  }

  /** Reads a submitted value: typed values are unwrapped, serialized JSON is parsed. */
  /** What {@link #read} answers for a value it refused (its violation added). */
  private static final Object REFUSED = new Object();

  private Object read(Map<String, Object> submitted, String key, Violations violations) {
    Object value = submitted instanceof VariableMap map ? map.getValueTyped(key) : submitted.get(key);
    if (value instanceof SerializableValue serializable) {
      String format = serializable.getSerializationDataFormat();
      if (format != null && !format.startsWith("application/json")) {
        violations.add(key, "only JSON values are accepted");
        return REFUSED;
      }
      if (!serializable.isDeserialized()) {
        return parse(serializable.getValueSerialized());
      }
      return unwrapJson(serializable.getValue());
    }
    if (value instanceof TypedValue typed) {
      return unwrapJson(typed.getValue());
    }
    return unwrapJson(value);
  }

  private static Object unwrapJson(Object value) {
    if (value instanceof org.camunda.spin.json.SpinJsonNode node) {
      return parse(node.toString());
    }
    return value;
  }

  private static Object parse(String json) {
    try {
      return json == null ? null : JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      return json; // reported as the wrong type by the field check
    }
  }

  private static JsonNode asJson(Object value) {
    if (value instanceof String s) {
      try {
        return JSON.readTree(s);
      } catch (JsonProcessingException e) {
        return null;
      }
    }
    return JSON.valueToTree(value);
  }

  /** Stores accepted values in their contract type. */
  private static void normalise(FieldSpec field, String key, Object accepted, Map<String, Object> submitted) {
    switch (field.kind()) {
      case INTEGER -> submitted.put(key, Variables.integerValue((Integer) accepted));
      case CHOICES, LIST -> {
        try {
          submitted.put(key, SpinValues.jsonValue(JSON.writeValueAsString(accepted)).create());
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
      default -> {
        // strings and booleans are stored as given
      }
    }
  }

  private static Object plainOf(Object value) {
    if (value instanceof TypedValue typed) {
      value = typed instanceof SerializableValue s && !s.isDeserialized() ? parse(s.getValueSerialized()) : typed.getValue();
    }
    return unwrapJson(value);
  }

  private static Object emptyOf(FieldSpec field) {
    return switch (field.kind()) {
      case TEXT, DATE, CHOICE -> "";
      case CHOICES, LIST -> List.of();
      default -> null;
    };
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String s && s.isBlank())
        || (value instanceof List<?> l && l.isEmpty());
  }

  private static String options(FieldSpec field) {
    return field.values() == null ? "the offered options" : String.join(", ", new java.util.TreeSet<>(field.values()));
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
