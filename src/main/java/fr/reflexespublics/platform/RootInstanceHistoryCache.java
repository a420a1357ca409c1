package fr.reflexespublics.platform;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The engine's history event producer, with the root process instance read once per command.
 *
 * <p>With the removal-time strategy {@code start} (application.yaml), every history event (an
 * activity started or ended, a task, each variable written and its detail, a job log entry) copies
 * the removal time of its root process instance, which the engine reads with
 * {@code selectHistoricProcessInstanceEvent}. That statement selects only the start and removal
 * times, so the entity it loads has no id and the engine's entity cache never finds it again: in
 * Camunda 7.24 the same primary-key read runs once per history event, 8 times per step of an
 * initiative, 11 per step of a hotline follow-up (benchmark, docs/performance.md). Here the loaded
 * root is kept for the rest of the command ({@link Lookups}, a session closed with it): the value
 * is the one the engine would read again, since the removal time of a running root instance
 * changes only through the "set removal time" batch, in commands of its own. A root not found is
 * not remembered (as in the engine's cache), so a root whose history starts later in the same
 * command is still found.
 *
 * <p>Likewise, every job log entry of a job whose definition has a configuration (a timer's
 * "DURATION: ...", an asynchronous continuation's "async-before") looks that configuration up as
 * a batch id ({@code selectHistoricBatch}, never found, so never cached), to take a batch's removal
 * time. A job of a process instance is never a batch's, and its removal time is then taken from its
 * root process instance, overriding the batch's: the lookup is skipped for those jobs. Batch jobs
 * (no execution) keep it.
 */
public class RootInstanceHistoryCache extends CacheAwareHistoryEventProducer {

  /** A job of a process instance: no batch lookup while its log entry is written (see the class comment). */
  @Override
  protected void initHistoricJobLogEvent(HistoricJobLogEventEntity evt, Job job, HistoryEventType eventType) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null || job.getExecutionId() == null) {
      super.initHistoricJobLogEvent(evt, job, eventType);
      return;
    }
    Lookups lookups = commandContext.getSession(Lookups.class);
    boolean outer = lookups.jobOfExecution;
    lookups.jobOfExecution = true;
    try {
      super.initHistoricJobLogEvent(evt, job, eventType);
    } finally {
      lookups.jobOfExecution = outer;
    }
  }

  @Override
  protected HistoricBatchEntity getHistoricBatchById(String batchId) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext != null && commandContext.getSession(Lookups.class).jobOfExecution) {
      return null;
    }
    return super.getHistoricBatchById(batchId);
  }

  @Override
  protected HistoricProcessInstanceEventEntity getHistoricRootProcessInstance(String rootProcessInstanceId) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      return super.getHistoricRootProcessInstance(rootProcessInstanceId);
    }
    // computeIfAbsent keeps no entry for a root not found
    return commandContext.getSession(Lookups.class).roots
        .computeIfAbsent(rootProcessInstanceId, super::getHistoricRootProcessInstance);
  }

  /** The roots read during one command. */
  public static final class Lookups implements Session {

    final Map<String, HistoricProcessInstanceEventEntity> roots = new HashMap<>(4);
    boolean jobOfExecution;

    @Override
    public void flush() {
      // nothing to write
    }

    @Override
    public void close() {
      roots.clear();
    }
  }
}
