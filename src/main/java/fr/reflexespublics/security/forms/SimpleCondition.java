package fr.reflexespublics.security.forms;

import fr.reflexespublics.platform.FeelNames;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The FEEL conditions our forms use, evaluated without the FEEL engine: comparisons of a field to
 * a literal ({@code reached != true}, {@code arbitration != "ASSIGN"}) joined by {@code and},
 * {@code or} and parentheses. The FEEL engine builds its built-in functions again for every
 * evaluation (about 20 µs once compiled by the JIT, a millisecond or more before, and a form's
 * conditions are evaluated a few hundred times a day, not enough for the JIT): these conditions
 * are the most evaluated, each at every submission of their forms.
 *
 * <p>The answers are FEEL's (a test compares them on every deployed condition and a matrix of
 * values): {@code =} between a value and a literal of the same type compares them (numbers by
 * value), a missing or null value equals only {@code null}, values of different types give
 * {@code null}; {@code !=} negates, keeping {@code null}; {@code and} and {@code or} follow FEEL's
 * three-valued logic. Any other expression ({@link #compile} answers null), or a value of a type
 * these rules do not cover (a list, a date: {@link #UNSURE}), is left to the FEEL engine.
 */
final class SimpleCondition {

  /** The answer for a value of a type these rules do not cover: ask the FEEL engine. */
  static final Object UNSURE = new Object();

  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:(\\()|(\\))|(!=)|(=)|\"([^\"\\\\]*)\"|(-?\\d+(?:\\.\\d+)?)(?![\\w.])|([A-Za-z_][A-Za-z0-9_]*)(?![\\w.]))");

  /** A part of a condition: its value in a context (TRUE, FALSE, null or UNSURE). */
  private interface Node {
    Object evaluate(Map<String, Object> context);
  }

  private final Node root;

  private SimpleCondition(Node root) {
    this.root = root;
  }

  /** The condition, or null when the expression is not one of these simple forms. */
  static SimpleCondition compile(String expression) {
    List<Object> tokens = tokens(expression);
    if (tokens == null) {
      return null;
    }
    Parser parser = new Parser(tokens);
    Node root = parser.disjunction();
    return root != null && parser.atEnd() ? new SimpleCondition(root) : null;
  }

  /** TRUE, FALSE, null (FEEL's null), or {@link #UNSURE}. */
  Object evaluate(Map<String, Object> context) {
    return root.evaluate(context);
  }

  /** Punctuation and operators as strings, literals as {@link Literal}, names as {@link Name}. */
  private static List<Object> tokens(String expression) {
    List<Object> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(expression);
    int at = 0;
    while (!expression.substring(at).isBlank()) {
      if (!m.find(at) || m.start() != at) {
        return null;
      }
      String punctuation = Stream.of(m.group(1), m.group(2), m.group(3), m.group(4)).filter(Objects::nonNull)
          .findFirst().orElse(null);
      if (punctuation != null) {
        tokens.add(punctuation);
      } else if (m.group(5) != null) {
        tokens.add(new Literal(m.group(5)));
      } else if (m.group(6) != null) {
        tokens.add(new Literal(new BigDecimal(m.group(6))));
      } else {
        String word = m.group(7);
        switch (word) {
          case "true" -> tokens.add(new Literal(Boolean.TRUE));
          case "false" -> tokens.add(new Literal(Boolean.FALSE));
          case "null" -> tokens.add(new Literal(null));
          case "and", "or" -> tokens.add(word);
          default -> {
            if (FeelNames.RESERVED.contains(word)) {
              return null;
            }
            tokens.add(new Name(word));
          }
        }
      }
      at = m.end();
    }
    return tokens;
  }

  private record Literal(Object value) {}

  private record Name(String key) {}

  /** disjunction := conjunction ("or" conjunction)*; conjunction := atom ("and" atom)*. */
  private static final class Parser {
    private final List<Object> tokens;
    private int next;

    Parser(List<Object> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return next == tokens.size();
    }

    private boolean take(String token) {
      if (next < tokens.size() && token.equals(tokens.get(next))) {
        next++;
        return true;
      }
      return false;
    }

    Node disjunction() {
      return joined("or", this::conjunction, parts -> context -> or(parts, context));
    }

    private Node conjunction() {
      return joined("and", this::atom, parts -> context -> and(parts, context));
    }

    /** Parts separated by a word, joined; null when a part is missing. */
    private Node joined(String word, Supplier<Node> part, Function<List<Node>, Node> join) {
      List<Node> parts = new ArrayList<>();
      do {
        Node next = part.get();
        if (next == null) {
          return null;
        }
        parts.add(next);
      } while (take(word));
      return parts.size() == 1 ? parts.get(0) : join.apply(parts);
    }

    /** "(" disjunction ")" or name ("=" | "!=") literal. */
    private Node atom() {
      if (take("(")) {
        Node inner = disjunction();
        return inner != null && take(")") ? inner : null;
      }
      if (next + 2 >= tokens.size()) {
        return null;
      }
      if (tokens.get(next) instanceof Name name && tokens.get(next + 2) instanceof Literal literal
          && ("=".equals(tokens.get(next + 1)) || "!=".equals(tokens.get(next + 1)))) {
        boolean negated = "!=".equals(tokens.get(next + 1));
        next += 3;
        return context -> {
          Object equal = equal(context.get(name.key()), literal.value());
          return negated ? not(equal) : equal;
        };
      }
      return null;
    }
  }

  /** FEEL's {@code and}: false if any part is false, else null if any is null, else true. */
  private static Object and(List<Node> parts, Map<String, Object> context) {
    List<Object> values = values(parts, context);
    if (values == null) {
      return UNSURE;
    }
    return values.contains(Boolean.FALSE) ? Boolean.FALSE : values.contains(null) ? null : Boolean.TRUE;
  }

  /** FEEL's {@code or}: true if any part is true, else null if any is null, else false. */
  private static Object or(List<Node> parts, Map<String, Object> context) {
    List<Object> values = values(parts, context);
    if (values == null) {
      return UNSURE;
    }
    return values.contains(Boolean.TRUE) ? Boolean.TRUE : values.contains(null) ? null : Boolean.FALSE;
  }

  /** Every part's value, or null when one of them is {@link #UNSURE}. */
  private static List<Object> values(List<Node> parts, Map<String, Object> context) {
    List<Object> values = new ArrayList<>(parts.size());
    for (Node part : parts) {
      Object v = part.evaluate(context);
      if (v == UNSURE) {
        return null;
      }
      values.add(v);
    }
    return values;
  }

  private static Object not(Object equal) {
    return equal == null || equal == UNSURE ? equal : Boolean.valueOf(!((Boolean) equal));
  }

  /** FEEL's {@code value = literal}: TRUE, FALSE, null for values of different types, or UNSURE. */
  private static Object equal(Object value, Object literal) {
    if (value == null) {
      return literal == null;
    }
    if (!(value instanceof Boolean || value instanceof String || number(value) != null)) {
      return UNSURE;
    }
    if (literal == null) {
      return Boolean.FALSE;
    }
    if (literal instanceof BigDecimal n) {
      BigDecimal v = number(value);
      return v == null ? null : Boolean.valueOf(v.compareTo(n) == 0);
    }
    return value.getClass() == literal.getClass() ? Boolean.valueOf(value.equals(literal)) : null;
  }

  /** The value as a decimal when it is a finite number, else null. */
  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
      return new BigDecimal(value.toString());
    }
    return null;
  }
}
