package fr.reflexespublics.security.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Camunda Form (form-js schema) into a {@link FormSpec}: the form file is the single
 * declaration of fields, required flags, lengths, ranges, options and conditions, used by the
 * browser and by the server alike.
 */
public final class FormSpecParser {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DISPLAY_ONLY =
      Set.of("text", "spacer", "separator", "html", "image", "button", "table", "iframe", "default");

  private FormSpecParser() {}

  public static FormSpec parse(InputStream json) {
    try {
      return parse(JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("Form is not valid JSON: " + e.getMessage(), e);
    }
  }

  public static FormSpec parse(JsonNode schema) {
    String id = schema.path("id").asText(null);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("Form has no top-level \"id\"");
    }
    Map<String, FieldSpec> fields = new LinkedHashMap<>();
    collect(id, schema.path("components"), null, fields);
    return new FormSpec(id, fields);
  }

  private static void collect(String formId, JsonNode components, String inheritedHide,
      Map<String, FieldSpec> into) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String hide = combine(inheritedHide, hideOf(component));
      if ("group".equals(type)) {
        if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
          throw new IllegalArgumentException(formId + ": groups with a path are not supported");
        }
        collect(formId, component.path("components"), hide, into);
        continue;
      }
      if (DISPLAY_ONLY.contains(type)) {
        continue;
      }
      FieldSpec field = field(formId, component, type, hide);
      if (into.put(field.key(), field) != null) {
        throw new IllegalArgumentException(formId + ": field key '" + field.key() + "' is used twice");
      }
    }
  }

  private static FieldSpec field(String formId, JsonNode c, String type, String hide) {
    boolean list = "dynamiclist".equals(type);
    String key = list ? c.path("path").asText(null) : c.path("key").asText(null);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(formId + ": a '" + type + "' component has no key");
    }
    JsonNode validate = c.path("validate");
    FieldSpec.Kind kind = switch (type) {
      case "textfield", "textarea" -> FieldSpec.Kind.TEXT;
      case "number" -> FieldSpec.Kind.INTEGER;
      case "checkbox" -> FieldSpec.Kind.BOOLEAN;
      case "radio", "select" -> FieldSpec.Kind.CHOICE;
      case "checklist", "taglist" -> FieldSpec.Kind.CHOICES;
      case "datetime" -> {
        if (!"date".equals(c.path("subtype").asText("date"))) {
          throw new IllegalArgumentException(formId + ": field '" + key + "': only date subtypes are supported");
        }
        yield FieldSpec.Kind.DATE;
      }
      case "dynamiclist" -> FieldSpec.Kind.LIST;
      default -> throw new IllegalArgumentException(
          formId + ": field '" + key + "' has a component type the server cannot validate: " + type);
    };
    if (kind == FieldSpec.Kind.INTEGER && c.path("decimalDigits").asInt(0) != 0) {
      throw new IllegalArgumentException(formId + ": field '" + key + "': numbers must be integers (decimalDigits 0)");
    }
    List<FieldSpec> items = List.of();
    if (list) {
      Map<String, FieldSpec> itemFields = new LinkedHashMap<>();
      collect(formId, c.path("components"), null, itemFields);
      items = List.copyOf(itemFields.values());
    }
    String label = c.path("label").asText(c.path("dateLabel").asText(key));
    return new FieldSpec(
        key,
        label.isBlank() ? key : label,
        kind,
        validate.path("required").asBoolean(false),
        intOrNull(validate.path("minLength")),
        intOrNull(validate.path("maxLength")),
        validate.hasNonNull("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null,
        "email".equals(validate.path("validationType").asText()),
        decimalOrNull(validate.path("min")),
        decimalOrNull(validate.path("max")),
        values(c),
        c.path("disallowPassedDates").asBoolean(false),
        hide,
        c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
        items,
        "true".equals(c.path("properties").path("transient").asText()));
  }

  private static Set<String> values(JsonNode c) {
    if (!c.has("values")) {
      return null;
    }
    Set<String> values = new LinkedHashSet<>();
    for (JsonNode v : c.path("values")) {
      values.add(v.path("value").asText());
    }
    return Set.copyOf(values);
  }

  private static String hideOf(JsonNode component) {
    String hide = component.path("conditional").path("hide").asText(null);
    if (hide == null || hide.isBlank()) {
      return null;
    }
    return hide.startsWith("=") ? hide.substring(1).trim() : hide.trim();
  }

  private static String combine(String outer, String inner) {
    if (outer == null) {
      return inner;
    }
    if (inner == null) {
      return outer;
    }
    return "(" + outer + ") or (" + inner + ")";
  }

  private static Integer intOrNull(JsonNode n) {
    return n.isNumber() ? n.intValue() : null;
  }

  private static BigDecimal decimalOrNull(JsonNode n) {
    return n.isNumber() ? n.decimalValue() : null;
  }

  static List<String> keys(FormSpec spec) {
    return new ArrayList<>(spec.fields().keySet());
  }
}
