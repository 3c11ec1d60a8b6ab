package id.bimtek.workflow;

import java.util.List;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Two kinds of the engine's history are not written, because nobody reads them:
 * <ul>
 * <li>task-local variables: they only carry what Tasklist's lists show beside a task ({@link TaskFormData}: the
 * programme's code and title), and each would be written three times more (instance, detail, removal time);</li>
 * <li>the log of jobs that went as planned: every user task has two timers (reminder, escalation), each logged when it
 * is created and again when its task ends and deletes it, and every timer and continuation that runs is logged once
 * more. A job that fails is still logged (and its failure is in the audit trail).</li>
 * </ul>
 * The domain tables hold the values, and the project's audit trail what people did and the engine's steps
 * ({@link EngineEventAudit}, which still receives every event). Every other history event is written as before. All
 * events of a task-local variable are left out alike, so no update ever looks for a row that was not written; a job's
 * log rows are never updated.
 */
@Component
class HistoryNobodyReads extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(new WithoutUnreadEvents(new DbHistoryEventHandler()));
    }

    static boolean isUnread(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                || event instanceof HistoricJobLogEvent job && job.getState() != JobState.FAILED.getStateCode();
    }

    private record WithoutUnreadEvents(HistoryEventHandler database) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isUnread(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
