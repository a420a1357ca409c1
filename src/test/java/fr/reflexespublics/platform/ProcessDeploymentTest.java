package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deployment of processes/ and forms/: one deployment per process, with its forms, only when changed. */
class ProcessDeploymentTest extends IntegrationTest {

  @Autowired ProcessDeployer deployer;

  @Test
  void aProcessIsDeployedTogetherWithTheFormsItReferences() {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(FoundationCheckConfiguration.PROCESS_KEY).latestVersion().singleResult();

    List<String> resources = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());

    assertThat(resources).containsExactlyInAnyOrder("processes/foundation-check.bpmn",
        "forms/foundation-check-request.form", "forms/foundation-check-review.form");
    Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId())
        .singleResult();
    assertThat(deployment.getName()).isEqualTo(FoundationCheckConfiguration.PROCESS_KEY);
    assertThat(deployment.getSource()).isEqualTo(ProcessDeployer.SOURCE);
  }

  @Test
  void unchangedResourcesAreNotDeployedAgain() {
    long deployments = repositoryService.createDeploymentQuery().count();
    int version = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(FoundationCheckConfiguration.PROCESS_KEY).latestVersion().singleResult().getVersion();

    deployer.postProcessEngineBuild(engine); // what a restart does

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(FoundationCheckConfiguration.PROCESS_KEY).latestVersion().singleResult().getVersion())
        .isEqualTo(version);
  }

  @Test
  void everyDeployedProcessHasAHistoryTimeToLive() {
    assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull());
  }
}
