package id.bimtek.workflow;

import id.bimtek.proposal.ProcessVariables;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of the programme lifecycle what its form shows ({@link ShownOnForm}), the
 * {@link TaskAuthority} check and then the {@link OnEveryUserTask} behaviours (list columns, notifications, audit)
 * as built-in listeners, which run before the listeners written in the BPMN, and an asynchronous continuation
 * after it ({@code lifecycle.async-after-user-tasks}): a task added to the model cannot forget any of them. What the
 * BPMN still says per task is what differs between tasks: its decision, its due date and reminders.
 */
@Component
class EveryUserTask extends AbstractProcessEnginePlugin {

    private static final List<String> TASK_EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    /** Looked up when a task event happens: the authority check needs engine services that do not exist yet. */
    private final ObjectProvider<TaskAuthority> authority;
    private final ObjectProvider<OnEveryUserTask> behaviours;
    private final ObjectProvider<TaskFormData> shownOnForms;
    private final boolean asyncAfter;

    EveryUserTask(ObjectProvider<TaskAuthority> authority, ObjectProvider<OnEveryUserTask> behaviours,
                  ObjectProvider<TaskFormData> shownOnForms,
                  @Value("${lifecycle.async-after-user-tasks:true}") boolean asyncAfter) {
        this.authority = authority;
        this.behaviours = behaviours;
        this.shownOnForms = shownOnForms;
        this.asyncAfter = asyncAfter;
    }

    /** The behaviours of each task event, in their order: looked up once, when the first task event happens. */
    private volatile Map<String, List<OnEveryUserTask>> byEvent;

    private List<OnEveryUserTask> behavioursOn(String event) {
        Map<String, List<OnEveryUserTask>> known = byEvent;
        if (known == null) {
            List<OnEveryUserTask> ordered = behaviours.orderedStream().toList();
            known = TASK_EVENTS.stream().collect(Collectors.toMap(Function.identity(),
                    name -> ordered.stream().filter(behaviour -> behaviour.events().contains(name)).toList()));
            byEvent = known;
        }
        return known.getOrDefault(event, List.of());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (!ProcessVariables.PROCESS_KEY.equals(((org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
                    return;
                }
                // what follows a person's work runs in a job of its own: a failing step is retried and becomes an
                // incident for an operator, and never rolls back the decision itself
                if (asyncAfter) {
                    activity.setAsyncAfter(true);
                }
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                if (formRef != null) {
                    definition.setTaskFormHandler(new ShownOnForm(definition.getTaskFormHandler(), formRef, shownOnForms));
                }
                TaskListener check = task -> authority.getObject().notify(task);
                for (String event : List.of(TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE)) {
                    definition.addBuiltInTaskListener(event, check);
                }
                TaskListener everyTask = task -> behavioursOn(task.getEventName()).forEach(behaviour -> behaviour.notify(task));
                for (String event : TASK_EVENTS) {
                    definition.addBuiltInTaskListener(event, everyTask);
                }
            }
        });
    }
}
