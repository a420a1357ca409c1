package fr.reflexespublics.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The FEEL engine of the decision tables, with the simple cells answered without the Scala FEEL
 * engine: an input expression that names a variable, an output that is a literal, and input
 * entries that list literals ({@code "FOOD_AID","SHELTER"}, {@code true}, {@code 90}), compare a
 * number ({@code >= 100}) or accept anything ({@code -}). The Scala engine parses each cell again
 * and builds its table of built-in functions at every evaluation: a third of the partner takeover's
 * Java time in the benchmark went there (docs/performance.md, "Round 10").
 *
 * <p>The answers are the Scala engine's (a test compares them for every cell of the deployed
 * tables over a matrix of values): numbers come out as {@code Long} when whole, else {@code
 * Double}; a missing variable is null; an entry matches an input of its literal's type and equal
 * value (numbers by value), never null, and a comparison matches a number only. Any other cell
 * ({@code list contains(?, "FOOD")}, ranges, {@code not(...)}), or a value of another type (a list,
 * a date, a JSON value), goes to the Scala engine.
 */
public final class DecisionFeel implements FeelEngine {

  /**
   * The decision engine's FEEL engine factory: the Scala engine, with the custom functions the
   * decision engine's configuration holds when it asks, behind these rules.
   */
  public record Factory(DefaultDmnEngineConfiguration decisions) implements FeelEngineFactory {
    @Override
    public FeelEngine createInstance() {
      if (decisions.isEnableFeelLegacyBehavior()) {
        throw new IllegalStateException("The decision tables' FEEL engine is the Scala one: the legacy"
            + " FEEL behaviour (dmn-feel-enable-legacy-behavior) is not supported");
      }
      return new DecisionFeel(new ScalaFeelEngineFactory(decisions.getFeelCustomFunctionProviders()).createInstance());
    }
  }

  /** The answer for a value of a type these rules do not cover: ask the Scala engine. */
  private static final Object UNSURE = new Object();
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");
  private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
  private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d{1,15}(?:\\.\\d{1,15})?)");

  private final FeelEngine scala;
  /** Compiled cells by text; a cell the rules do not cover maps to a function answering UNSURE. */
  private final Map<String, Function<VariableContext, Object>> expressions = new ConcurrentHashMap<>();
  private final Map<String, Function<Object, Object>> tests = new ConcurrentHashMap<>();

  DecisionFeel(FeelEngine scala) {
    this.scala = scala;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    Object answer = expressions.computeIfAbsent(expression, DecisionFeel::expression).apply(variables);
    return answer == UNSURE ? scala.evaluateSimpleExpression(expression, variables) : (T) answer;
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
    TypedValue input = variables.resolve(inputVariable);
    Object answer = tests.computeIfAbsent(expression, DecisionFeel::unaryTests)
        .apply(input == null ? null : input.getValue());
    return answer == UNSURE ? scala.evaluateSimpleUnaryTests(expression, inputVariable, variables) : (Boolean) answer;
  }

  /** What a cell these rules do not cover compiles to. */
  private static final Function<VariableContext, Object> SCALA_EXPRESSION = variables -> UNSURE;
  private static final Function<Object, Object> SCALA_TESTS = input -> UNSURE;

  /** Whether these rules answer the expression (for some values at least). */
  static boolean covers(String expression) {
    return expression(expression) != SCALA_EXPRESSION;
  }

  /** Whether these rules answer the input entry (for some values at least). */
  static boolean coversTests(String tests) {
    return unaryTests(tests) != SCALA_TESTS;
  }

  /** A literal (its value as the Scala engine gives it) or a variable's name; else SCALA_EXPRESSION. */
  private static Function<VariableContext, Object> expression(String text) {
    String cell = text.trim();
    Object literal = literal(cell);
    if (literal != UNSURE) {
      Object value = output(literal);
      return variables -> value;
    }
    if (NAME.matcher(cell).matches() && !FeelNames.RESERVED.contains(cell)) {
      return variables -> {
        TypedValue value = variables.resolve(cell);
        return value == null ? null : output(value.getValue());
      };
    }
    return SCALA_EXPRESSION;
  }

  /** Literals separated by commas, one comparison of a number, or "-"; else SCALA_TESTS. */
  private static Function<Object, Object> unaryTests(String text) {
    String cell = text.trim();
    if (cell.equals("-")) {
      return input -> Boolean.TRUE;
    }
    Matcher comparison = COMPARISON.matcher(cell);
    if (comparison.matches()) {
      String operator = comparison.group(1);
      BigDecimal bound = new BigDecimal(comparison.group(2));
      return input -> {
        BigDecimal n = number(input);
        if (n == null) {
          return input == null || input instanceof String || input instanceof Boolean ? Boolean.FALSE : UNSURE;
        }
        int c = n.compareTo(bound);
        return switch (operator) {
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c >= 0;
        };
      };
    }
    List<String> parts = splitOutsideQuotes(cell);
    if (parts == null) {
      return SCALA_TESTS;
    }
    List<Object> literals = new ArrayList<>();
    for (String part : parts) {
      Object literal = literal(part.trim());
      if (literal == UNSURE || literal == null) {
        return SCALA_TESTS;
      }
      literals.add(literal);
    }
    return input -> {
      if (input != null && !(input instanceof String || input instanceof Boolean || number(input) != null)) {
        return UNSURE;
      }
      for (Object literal : literals) {
        if (equal(input, literal)) {
          return Boolean.TRUE;
        }
      }
      return Boolean.FALSE;
    };
  }

  /** The parts of a list of literals, split at the commas outside quotes; null when a quote is open. */
  private static List<String> splitOutsideQuotes(String cell) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        parts.add(cell.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(cell.substring(start));
    return quoted ? null : parts;
  }

  /** A string, a number (as a BigDecimal), true, false or null; UNSURE for anything else. */
  private static Object literal(String cell) {
    Matcher string = STRING.matcher(cell);
    if (string.matches()) {
      return string.group(1);
    }
    if (NUMBER.matcher(cell).matches()) {
      return new BigDecimal(cell);
    }
    return switch (cell) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default -> UNSURE;
    };
  }

  private static boolean equal(Object input, Object literal) {
    if (input == null) {
      return false;
    }
    if (literal instanceof BigDecimal n) {
      BigDecimal value = number(input);
      return value != null && value.compareTo(n) == 0;
    }
    return input.getClass() == literal.getClass() && input.equals(literal);
  }

  /** A value as the Scala engine hands it back: whole numbers as Long, others as Double. */
  private static Object output(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    BigDecimal n = number(value);
    if (n == null) {
      return UNSURE;
    }
    return n.stripTrailingZeros().scale() <= 0 ? (Object) n.longValueExact() : (Object) n.doubleValue();
  }

  /** The value as a decimal when it is an integer type or a finite double; else null. */
  private static BigDecimal number(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double d && Double.isFinite(d) && Math.abs(d) < 1e15) {
      return new BigDecimal(d.toString());
    }
    if (value instanceof BigDecimal d && d.abs().compareTo(BigDecimal.valueOf(1e15)) < 0) {
      return d;
    }
    return null;
  }
}
