package fr.reflexespublics.security.forms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The FEEL conditions of deployed forms ({@code conditional.hide}): each expression is parsed once
 * (the expressions come from deployed form files only, so they are few) and evaluated against the
 * values of a submission. The same FEEL engine as Camunda's ({@code feel-scala}), with the Java
 * value mapper: the context holds plain Java values. The simple comparisons the forms use are
 * answered without it ({@link SimpleCondition}, FEEL's answers at a fraction of the cost).
 */
final class FeelConditions {

  /**
   * An expression parsed once: its syntax tree, or why it could not be parsed, and its simple
   * form when it has one.
   */
  private record Parsed(ParsedExpression expression, String failure, SimpleCondition simple) {}

  /** A condition that could not be parsed or evaluated. */
  static final class ConditionException extends RuntimeException {
    ConditionException(String message) {
      super(message);
    }
  }

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /**
   * @return the value of the expression in the context (plain Java values by field key)
   * @throws ConditionException when the expression cannot be parsed or evaluated
   */
  Object evaluate(String expression, Map<String, Object> context) {
    Parsed p = parsed.computeIfAbsent(expression, this::parse);
    if (p.failure() != null) {
      throw new ConditionException(p.failure());
    }
    if (p.simple() != null) {
      Object answer = p.simple().evaluate(context);
      if (answer != SimpleCondition.UNSURE) {
        return answer;
      }
    }
    EvaluationResult result = feel.evaluate(p.expression(), context);
    if (result.isFailure()) {
      throw new ConditionException(result.failure().message());
    }
    return result.result();
  }

  private Parsed parse(String expression) {
    ParseResult result = feel.parseExpression(expression);
    return result.isSuccess() ? new Parsed(result.parsedExpression(), null, SimpleCondition.compile(expression))
        : new Parsed(null, result.failure().message(), null);
  }
}
