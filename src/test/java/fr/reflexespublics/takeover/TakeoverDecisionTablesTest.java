package fr.reflexespublics.takeover;

import static fr.reflexespublics.takeover.TakeoverProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/takeover-trigger.dmn, rule by rule: each rule of the framework has its case. */
class TakeoverDecisionTablesTest extends IntegrationTest {

  @Autowired DecisionService decisionService;

  private record Evaluation(DmnDecisionResult result, List<String> ruleIds) {}

  private Evaluation evaluate(String decision, boolean consents, String cause, String category, String urgency,
      int beneficiaries) {
    DmnDecisionResult result = decisionService.evaluateDecisionByKey(decision).variables(Variables.createVariables()
        .putValue(PARTNER_CONSENTS, consents).putValue(FAILURE_CAUSE, cause).putValue(ACTION_CATEGORY, category)
        .putValue(URGENCY, urgency).putValue(BENEFICIARIES_COUNT, beneficiaries)).evaluate();
    HistoricDecisionInstance instance = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(decision).includeOutputs().orderByEvaluationTime().desc().listPage(0, 1).get(0);
    return new Evaluation(result, instance.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
        .distinct().toList());
  }

  private Evaluation trigger(boolean consents, String cause, String category, String urgency) {
    return evaluate(DECISION_TRIGGER, consents, cause, category, urgency, 50);
  }

  @Test
  void theTablesAreEvaluatedByTheProjectsFeelEngine() {
    // simple cells answered without the Scala engine's parse and set-up (platform/DecisionFeel);
    // every case of this class goes through it
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
        .isInstanceOf(fr.reflexespublics.platform.DecisionFeel.class);
  }

  @Test
  void noConsentNoTakeover() {
    Evaluation e = trigger(false, "VOLUNTEER_SHORTAGE", "FOOD_AID", "HIGH");
    assertThat(e.ruleIds()).containsExactly("Rule_NoConsent");
    assertThat(e.result().getSingleResult().<Boolean>getEntry(TAKEOVER_ELIGIBLE)).isFalse();
    assertThat(e.result().getSingleResult().<String>getEntry(NOT_TRIGGERED_REASON)).contains("consent");
  }

  @Test
  void aFundingGapGoesToTheSubsidyProcedure() {
    Evaluation e = trigger(true, "FUNDING", "FOOD_AID", "HIGH");
    assertThat(e.ruleIds()).containsExactly("Rule_Funding");
    assertThat(e.result().getSingleResult().<Boolean>getEntry(TAKEOVER_ELIGIBLE)).isFalse();
  }

  @Test
  void onlyEssentialActions() {
    Evaluation e = trigger(true, "VOLUNTEER_SHORTAGE", "OTHER", "HIGH");
    assertThat(e.ruleIds()).containsExactly("Rule_NotEssential");
    assertThat(e.result().getSingleResult().<String>getEntry(NOT_TRIGGERED_REASON)).contains("essential");
  }

  @Test
  void liabilityFearIsCoveredForThirtyDays() {
    Evaluation e = trigger(true, "LIABILITY_FEAR", "FOOD_AID", "HIGH");
    assertThat(e.ruleIds()).containsExactly("Rule_LiabilityFear");
    assertThat(e.result().getSingleResult().getEntryMap())
        .containsEntry(TAKEOVER_ELIGIBLE, true).containsEntry(MAX_DURATION_DAYS, 30);
  }

  @Test
  void anUrgentFailureIsCoveredForNinetyDays() {
    Evaluation e = trigger(true, "VOLUNTEER_SHORTAGE", "SHELTER", "HIGH");
    assertThat(e.ruleIds()).containsExactly("Rule_HighUrgency");
    assertThat(e.result().getSingleResult().getEntryMap()).containsEntry(MAX_DURATION_DAYS, 90);
  }

  @Test
  void otherFailuresAreCoveredForSixtyDays() {
    Evaluation e = trigger(true, "PREMISES_CLOSED", "ISOLATION", "NORMAL");
    assertThat(e.ruleIds()).containsExactly("Rule_Default");
    assertThat(e.result().getSingleResult().getEntryMap())
        .containsEntry(TAKEOVER_ELIGIBLE, true).containsEntry(MAX_DURATION_DAYS, 60);
  }

  private List<String> modalities(String cause, String category, String urgency, int beneficiaries) {
    return evaluate(DECISION_MODALITIES, true, cause, category, urgency, beneficiaries).result()
        .collectEntries("supportModality");
  }

  @Test
  void liabilityFearGetsALetterRatherThanATakeover() {
    assertThat(modalities("LIABILITY_FEAR", "FOOD_AID", "HIGH", 500)).containsExactly("LIABILITY_COVERAGE");
  }

  @Test
  void volunteerShortageGetsAgentsAndForFoodAidMaterialToo() {
    assertThat(modalities("VOLUNTEER_SHORTAGE", "ISOLATION", "NORMAL", 20)).containsExactly("AGENT_PROVISION");
    assertThat(modalities("VOLUNTEER_SHORTAGE", "FOOD_AID", "NORMAL", 20))
        .containsExactlyInAnyOrder("AGENT_PROVISION", "MATERIAL_ASSISTANCE");
  }

  @Test
  void closedPremisesGetPremises() {
    assertThat(modalities("PREMISES_CLOSED", "SHELTER", "NORMAL", 20)).containsExactly("PREMISES");
  }

  @Test
  void anUrgentLargeFailureIsAFullTakeover() {
    assertThat(modalities("PREMISES_CLOSED", "SHELTER", "HIGH", 100)).containsExactlyInAnyOrder("PREMISES", "FULL_TAKEOVER");
    assertThat(modalities("PREMISES_CLOSED", "SHELTER", "HIGH", 99)).containsExactly("PREMISES");
  }

  @Test
  void otherCausesGetMaterialAssistance() {
    assertThat(modalities("OTHER", "HEALTH", "NORMAL", 10)).containsExactly("MATERIAL_ASSISTANCE");
  }

  @Test
  void everyRuleOfBothTablesHasACase() {
    Map<String, List<String>> rules = Map.of(
        DECISION_TRIGGER, List.of("Rule_NoConsent", "Rule_Funding", "Rule_NotEssential", "Rule_LiabilityFear",
            "Rule_HighUrgency", "Rule_Default"),
        DECISION_MODALITIES, List.of("Rule_LiabilityCoverage", "Rule_AgentProvision", "Rule_FoodMaterial",
            "Rule_Premises", "Rule_FullTakeover", "Rule_OtherCause"));
    var definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_TRIGGER)
        .latestVersion().singleResult();
    var model = repositoryService.getDmnModelInstance(definition.getId());
    var ruleIds = model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class).stream()
        .map(org.camunda.bpm.model.dmn.instance.Rule::getId).toList();
    assertThat(ruleIds).containsExactlyInAnyOrderElementsOf(
        rules.values().stream().flatMap(List::stream).toList());
  }
}
