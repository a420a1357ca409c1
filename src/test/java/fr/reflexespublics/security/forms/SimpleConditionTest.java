package fr.reflexespublics.security.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;

/**
 * The forms' conditions answered without the FEEL engine give FEEL's answers: every deployed
 * condition and a few more, over a matrix of values (missing, null, booleans, strings, numbers, and
 * types the simple rules leave to FEEL).
 */
class SimpleConditionTest {

  private static final Object MISSING = new Object();
  private static final List<Object> VALUES = List.of(MISSING, "null", true, false, "true", "A", "ACCEPT", "DECLINE",
      1, 1L, 1.5d, new BigDecimal("1.0"), List.of("A"), LocalDate.of(2026, 1, 1));
  private static final Pattern NAME = Pattern.compile("\"[^\"]*\"|([A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> WORDS = Set.of("and", "or", "true", "false", "null", "not", "count", "in");

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
  private final FeelConditions conditions = new FeelConditions();

  @Test
  void everyDeployedConditionIsSimpleAndAnswersAsFeel() throws IOException {
    List<String> deployed = deployedConditions();
    assertThat(deployed).hasSizeGreaterThan(5);
    for (String expression : deployed) {
      assertThat(SimpleCondition.compile(expression)).as(expression).isNotNull();
      assertSameAnswersAsFeel(expression);
    }
  }

  @Test
  void combinationsNumbersAndNullAnswerAsFeel() {
    for (String expression : List.of("x != true", "x = \"A\"", "x != 1", "x = 1.5", "x = -1", "x = null",
        "x != null", "(x != true) or (y = \"A\")", "x = true and y != \"A\" or z = 1",
        "x != true and (y = \"A\" or z != null)", "((x = false))")) {
      assertThat(SimpleCondition.compile(expression)).as(expression).isNotNull();
      assertSameAnswersAsFeel(expression);
    }
  }

  @Test
  void otherExpressionsAreLeftToFeel() {
    for (String expression : List.of("x > 1", "count(x) > 0", "x.y = 1", "not(x = true)", "x = \"a\\\"b\"",
        "x in [1, 2]", "x = y", "x = true and", "(x = true", "x != \"A\" or", "null = x")) {
      assertThat(SimpleCondition.compile(expression)).as(expression).isNull();
    }
    assertSameAnswersAsFeel("x > 1");
    assertSameAnswersAsFeel("not(x = true) or count(y) > 0");
  }

  /** The answer (or the failure) of {@link FeelConditions} is FEEL's, for every combination of values. */
  private void assertSameAnswersAsFeel(String expression) {
    List<String> names = names(expression);
    for (Map<String, Object> context : contexts(names)) {
      EvaluationResult expected = feel.evaluateExpression(expression, context);
      Object actual;
      try {
        actual = conditions.evaluate(expression, context);
      } catch (FeelConditions.ConditionException e) {
        assertThat(expected.isFailure()).as(expression + " with " + context + ": " + e.getMessage()).isTrue();
        continue;
      }
      assertThat(expected.isSuccess()).as(expression + " with " + context).isTrue();
      assertThat(Objects.equals(actual, expected.result()))
          .as(expression + " with " + context + ": " + actual + " instead of " + expected.result()).isTrue();
    }
  }

  private static List<String> names(String expression) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = NAME.matcher(expression);
    while (m.find()) {
      if (m.group(1) != null && !WORDS.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    assertThat(names).as(expression).hasSizeLessThanOrEqualTo(3);
    return new ArrayList<>(names);
  }

  private static List<Map<String, Object>> contexts(List<String> names) {
    List<Map<String, Object>> contexts = new ArrayList<>();
    contexts.add(new HashMap<>());
    for (String name : names) {
      List<Map<String, Object>> more = new ArrayList<>();
      for (Map<String, Object> context : contexts) {
        for (Object value : VALUES) {
          Map<String, Object> c = new HashMap<>(context);
          if (value != MISSING) {
            c.put(name, "null".equals(value) ? null : value);
          }
          more.add(c);
        }
      }
      contexts = more;
    }
    return contexts;
  }

  private static List<String> deployedConditions() throws IOException {
    List<String> conditions = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(form)) {
          FormSpecParser.parse(in).fields().values().stream().map(FieldSpec::hideExpression)
              .filter(Objects::nonNull).distinct().forEach(conditions::add);
        }
      }
    }
    return conditions;
  }
}
