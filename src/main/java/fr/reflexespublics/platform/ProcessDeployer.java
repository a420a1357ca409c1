package fr.reflexespublics.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} at startup, one deployment per process:
 * the BPMN file with the forms it references ({@code camunda:formRef}, bound to the deployment),
 * and one deployment per DMN file. A deployment is created only when one of its resources
 * changed, so an unchanged process keeps its version and a changed form always travels with its
 * process (see docs/architecture.md).
 */
@Component
public class ProcessDeployer extends AbstractProcessEnginePlugin {

  public static final String SOURCE = "public-reflexes";
  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    RepositoryService repository = processEngine.getRepositoryService();
    Map<String, NamedResource> forms = forms();
    for (NamedResource dmn : resources("processes/*.dmn").values()) {
      deploy(repository, dmn.baseName(), Map.of(dmn.path(), dmn.bytes()));
    }
    for (NamedResource bpmn : resources("processes/*.bpmn").values()) {
      Map<String, byte[]> contents = new LinkedHashMap<>();
      contents.put(bpmn.path(), bpmn.bytes());
      for (String formId : formRefs(bpmn)) {
        NamedResource form = forms.get(formId);
        if (form == null) {
          throw new IllegalStateException(bpmn.path() + " references form '" + formId
              + "' but no forms/*.form has that id");
        }
        contents.put(form.path(), form.bytes());
      }
      deploy(repository, bpmn.baseName(), contents);
    }
  }

  private void deploy(RepositoryService repository, String name, Map<String, byte[]> contents) {
    Deployment previous = repository.createDeploymentQuery().deploymentName(name)
        .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
    DeploymentBuilder builder = repository.createDeployment()
        .name(name)
        .source(SOURCE)
        .enableDuplicateFiltering(false);
    contents.forEach((path, bytes) -> builder.addInputStream(path, new java.io.ByteArrayInputStream(bytes)));
    Deployment deployment = builder.deploy();
    if (previous != null && previous.getId().equals(deployment.getId())) {
      LOG.info("Deployment '{}' unchanged", name);
    } else {
      LOG.info("Deployed '{}' ({} resource(s)): {}", name, contents.size(), deployment.getId());
    }
  }

  private Set<String> formRefs(NamedResource bpmn) {
    Set<String> refs = new LinkedHashSet<>();
    Matcher matcher = FORM_REF.matcher(new String(bpmn.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    while (matcher.find()) {
      refs.add(matcher.group(1));
    }
    return refs;
  }

  private Map<String, NamedResource> forms() {
    Map<String, NamedResource> byId = new TreeMap<>();
    for (NamedResource form : resources("forms/*.form").values()) {
      try {
        String id = JSON.readTree(form.bytes()).path("id").asText(null);
        if (id == null || !id.equals(form.baseName())) {
          throw new IllegalStateException(form.path() + ": the form's \"id\" must be its file name (" + form.baseName() + ")");
        }
        byId.put(id, form);
      } catch (IOException e) {
        throw new IllegalStateException(form.path() + " is not valid JSON", e);
      }
    }
    return byId;
  }

  private Map<String, NamedResource> resources(String pattern) {
    Map<String, NamedResource> found = new TreeMap<>();
    try {
      for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
        String file = resource.getFilename();
        String folder = pattern.substring(0, pattern.indexOf('/'));
        try (InputStream in = resource.getInputStream()) {
          NamedResource named = new NamedResource(folder + "/" + file, file.substring(0, file.lastIndexOf('.')),
              in.readAllBytes());
          if (found.putIfAbsent(named.path(), named) != null) {
            throw new IllegalStateException("Two resources named " + named.path() + " on the class path");
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + pattern, e);
    }
    return found;
  }

  private record NamedResource(String path, String baseName, byte[] bytes) {}
}
