package fr.reflexespublics.notification;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the new-task notification to every user task of every deployed process, except those that
 * say {@code <camunda:property name="notify" value="false"/>} (tasks taken from a Tasklist filter
 * by many people, such as the hotline's calls).
 */
public class TaskNotificationParseListener extends AbstractBpmnParseListener {

  private final TaskNotificationListener listener;

  public TaskNotificationParseListener(TaskNotificationListener listener) {
    this.listener = listener;
  }

  public static final String NOTIFY_PROPERTY = "notify";

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!notifies(userTaskElement)) {
      return;
    }
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
    }
  }

  private static boolean notifies(Element userTask) {
    Element extensions = userTask.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return true;
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (NOTIFY_PROPERTY.equals(property.attribute("name"))) {
        return !"false".equalsIgnoreCase(property.attribute("value"));
      }
    }
    return true;
  }
}
