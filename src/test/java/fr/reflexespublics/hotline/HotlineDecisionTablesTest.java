package fr.reflexespublics.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** call-assignment.dmn and orientation-routing.dmn, rule by rule. */
class HotlineDecisionTablesTest extends IntegrationTest {

  @Autowired DecisionService decisionService;

  private String ruleOf(String decision) {
    return historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(decision).includeOutputs()
        .orderByEvaluationTime().desc().listPage(0, 1).get(0).getOutputs().get(0).getRuleId();
  }

  @ParameterizedTest(name = "{0} / last {1} -> {2} ({3})")
  @CsvSource(nullValues = "null", value = {
      "COMPLEX, null, EXPERIENCED, Rule_Complex",
      "COMPLEX, GOOD, EXPERIENCED, Rule_Complex",
      "SIMPLE, BAD, EXPERIENCED, Rule_BadLastTime",
      "SIMPLE, FRAGILE, ANY, Rule_Simple",
      "SIMPLE, null, ANY, Rule_Simple"})
  void callAssignmentFollowsTheLearningCurve(String complexity, String lastWellbeing, String expected, String rule) {
    String result = decisionService.evaluateDecisionByKey(FollowUpProcess.DECISION_CALL_ASSIGNMENT)
        .variables(Variables.createVariables().putValue("complexity", complexity).putValue("lastWellbeing", lastWellbeing))
        .evaluate().getSingleEntry();
    assertThat(result).isEqualTo(expected);
    assertThat(ruleOf(FollowUpProcess.DECISION_CALL_ASSIGNMENT)).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0}, first call -> {1}")
  @CsvSource({"COMPLEX, EXPERIENCED", "SIMPLE, ANY"})
  void aFirstCallHasNoLastWellbeingToRead(String complexity, String expected) {
    // the follow-up stores lastWellbeing from its first reached call on
    String result = decisionService.evaluateDecisionByKey(FollowUpProcess.DECISION_CALL_ASSIGNMENT)
        .variables(Variables.createVariables().putValue("complexity", complexity)).evaluate().getSingleEntry();
    assertThat(result).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource({
      "'FOOD,MEDICATION', HEALTH_CENTRE, Rule_Health",
      "HEALTH, HEALTH_CENTRE, Rule_Health",
      "'ISOLATION,FOOD', FOOD_BANK, Rule_Food",
      "HOUSING, HOUSING_OFFICE, Rule_Housing",
      "ADMIN_HELP, ADMIN_HELP_DESK, Rule_AdminHelp",
      "ISOLATION, SOCIAL_ACTION, Rule_Isolation",
      "'', SOCIAL_ACTION, Rule_Other"})
  void orientationRoutingProposesAService(String needs, String expected, String rule) {
    ArrayList<String> list = new ArrayList<>(needs.isEmpty() ? List.of() : List.of(needs.split(",")));
    String result = decisionService.evaluateDecisionByKey(FollowUpProcess.DECISION_ORIENTATION_ROUTING)
        .variables(Variables.createVariables().putValue("orientationNeeds", list)).evaluate().getSingleEntry();
    assertThat(result).isEqualTo(expected);
    assertThat(ruleOf(FollowUpProcess.DECISION_ORIENTATION_ROUTING)).isEqualTo(rule);
  }

  @Test
  void everyRuleHasACase() {
    for (String decision : List.of(FollowUpProcess.DECISION_CALL_ASSIGNMENT, FollowUpProcess.DECISION_ORIENTATION_ROUTING)) {
      var definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision)
          .latestVersion().singleResult();
      var rules = repositoryService.getDmnModelInstance(definition.getId())
          .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class);
      assertThat(rules).extracting(org.camunda.bpm.model.dmn.instance.Rule::getId).containsExactlyInAnyOrder(
          decision.equals(FollowUpProcess.DECISION_CALL_ASSIGNMENT)
              ? new String[] {"Rule_Complex", "Rule_BadLastTime", "Rule_Simple"}
              : new String[] {"Rule_Health", "Rule_Food", "Rule_Housing", "Rule_AdminHelp", "Rule_Isolation", "Rule_Other"});
    }
  }
}
