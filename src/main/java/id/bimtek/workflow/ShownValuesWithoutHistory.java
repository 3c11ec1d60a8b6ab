package id.bimtek.workflow;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine writes no history of task-local variables. Here they only carry what Tasklist's lists show beside a
 * task ({@link TaskFormData}: the programme's code and title), each written three times more into the history
 * tables (instance, detail, removal time) and read by nobody: the domain
 * tables hold the values and the project's audit trail what people did, including variables written through
 * the engine's API (it still receives every event). Every other history event is written as before. All events
 * of a task-local variable are left out alike, so no update ever looks for a row that was not written.
 */
@Component
class ShownValuesWithoutHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(new WithoutTaskLocalVariables(new DbHistoryEventHandler()));
    }

    static boolean isTaskLocalVariable(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null;
    }

    private record WithoutTaskLocalVariables(HistoryEventHandler database) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isTaskLocalVariable(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
