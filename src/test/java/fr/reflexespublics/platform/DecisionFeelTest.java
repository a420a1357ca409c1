package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;

/**
 * The decision tables' cells answered without the Scala FEEL engine give its answers: every cell of
 * the deployed tables and a few more, over a matrix of values (missing, null, strings, booleans,
 * numbers of every Java type, and types left to the Scala engine).
 */
class DecisionFeelTest {

  private static final Object MISSING = new Object();
  private static final List<Object> VALUES = List.of(MISSING, "null", true, false, "A", "FOOD_AID", "true", "100",
      100, 100L, (short) 5, 99.5d, 100.0d, -3, new BigDecimal("100"), new BigDecimal("1.5"), 1.5f,
      List.of("FOOD"), LocalDate.of(2026, 1, 1));

  private final FeelEngine scala = new ScalaFeelEngineFactory().createInstance();
  private final FeelEngine simple = new DecisionFeel.Factory(
      (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).createInstance();

  @Test
  void everyDeployedCellAnswersAsTheScalaEngine() throws IOException {
    Cells cells = deployedCells();
    assertThat(cells.expressions).isNotEmpty();
    assertThat(cells.tests).isNotEmpty();
    cells.expressions.forEach(this::assertSameExpression);
    cells.tests.forEach(this::assertSameTests);
    // every cell but the list tests of the orientation routing is answered without the Scala engine
    assertThat(cells.expressions).allMatch(DecisionFeel::covers);
    assertThat(cells.tests.stream().filter(t -> !t.contains("list contains")).toList())
        .isNotEmpty().allMatch(DecisionFeel::coversTests);
    assertThat(cells.tests.stream().filter(t -> t.contains("list contains")).toList())
        .isNotEmpty().noneMatch(DecisionFeel::coversTests);
  }

  @Test
  void otherCellsAnswerAsTheScalaEngine() {
    for (String expression : List.of("x", "\"A\"", "90", "1.5", "-3", "true", "false", "null", "x + 1",
        "\"a\\\"b\"", "date(\"2026-01-01\")", "count(x)")) {
      assertSameExpression(expression);
    }
    for (String tests : List.of("\"A\"", "\"A\",\"FOOD_AID\"", "true", "false", ">= 100", "< 99.5", "> -3", "<= 5",
        "-", "100", "100, 5", "1.5", "not(\"A\")", "[1..5]", "null", "list contains(?, \"FOOD\")",
        "\"a,b\"", "\"A\" ,  \"B\"", "\"unclosed")) {
      assertSameTests(tests);
    }
  }

  @Test
  void theLegacyFeelBehaviourIsRefusedWithAClearMessage() {
    DefaultDmnEngineConfiguration legacy =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    legacy.setEnableFeelLegacyBehavior(true);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DecisionFeel.Factory(legacy).createInstance())
        .hasMessageContaining("legacy");
  }

  private void assertSameExpression(String expression) {
    for (Object value : VALUES) {
      VariableMap variables = Variables.createVariables();
      put(variables, "x", value);
      assertSame(expression + " with x = " + value,
          () -> scala.evaluateSimpleExpression(expression, variables.asVariableContext()),
          () -> simple.evaluateSimpleExpression(expression, variables.asVariableContext()));
    }
  }

  private void assertSameTests(String tests) {
    for (Object value : VALUES) {
      VariableMap variables = Variables.createVariables();
      put(variables, "cellInput", value);
      assertSame(tests + " with input " + value,
          () -> scala.evaluateSimpleUnaryTests(tests, "cellInput", variables.asVariableContext()),
          () -> simple.evaluateSimpleUnaryTests(tests, "cellInput", variables.asVariableContext()));
    }
  }

  private static void put(VariableMap variables, String name, Object value) {
    if (value != MISSING) {
      variables.putValue(name, "null".equals(value) ? null : value);
    }
  }

  /** The same value of the same class, or both failing. */
  private static void assertSame(String what, Supplier<Object> expected, Supplier<Object> actual) {
    Object want;
    try {
      want = expected.get();
    } catch (RuntimeException e) {
      org.assertj.core.api.Assertions.assertThatThrownBy(actual::get).as(what).isInstanceOf(RuntimeException.class);
      return;
    }
    Object got = actual.get();
    assertThat(Objects.equals(got, want) && (got == null || got.getClass() == want.getClass()))
        .as(what + ": " + describe(got) + " instead of " + describe(want)).isTrue();
  }

  private static String describe(Object value) {
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }

  private record Cells(List<String> expressions, List<String> tests) {}

  private static Cells deployedCells() throws IOException {
    List<String> expressions = new ArrayList<>();
    List<String> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          DmnModelInstance model = Dmn.readModelFromStream(in);
          model.getModelElementsByType(InputExpression.class).forEach(e -> add(expressions, e.getText().getTextContent()));
          model.getModelElementsByType(OutputEntry.class).forEach(e -> add(expressions, e.getTextContent()));
          model.getModelElementsByType(InputEntry.class).forEach(e -> add(tests, e.getTextContent()));
        }
      }
    }
    return new Cells(expressions, tests);
  }

  private static void add(List<String> cells, String text) {
    if (text != null && !text.isBlank() && !cells.contains(text.trim())) {
      cells.add(text.trim());
    }
  }
}
