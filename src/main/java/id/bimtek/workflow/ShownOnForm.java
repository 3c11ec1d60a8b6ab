package id.bimtek.workflow;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A task's form as the engine hands it out, with what its disabled fields show
 * ({@link id.bimtek.workflow.TaskFormData}) as form fields: Tasklist reads a Camunda Form's values through the
 * task's form variables, which are these fields and then the task's variables. So the values are worked out when
 * someone opens the form, not written when the task is created; a variable of the same name still wins, as it does
 * for any form field.
 */
final class ShownOnForm implements TaskFormHandler {

    private static final StringFormType TEXT = new StringFormType();

    private final TaskFormHandler form;
    private final String formRef;
    private final ObjectProvider<id.bimtek.workflow.TaskFormData> shown;

    ShownOnForm(TaskFormHandler form, String formRef, ObjectProvider<id.bimtek.workflow.TaskFormData> shown) {
        this.form = form;
        this.formRef = formRef;
        this.shown = shown;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
        TaskFormData data = form.createTaskForm(task);
        for (Map.Entry<String, Object> value : shown.getObject().shownOn(task, formRef).entrySet()) {
            FormFieldImpl field = new FormFieldImpl();
            field.setId(value.getKey());
            field.setType(TEXT);
            field.setValue(Variables.stringValue(value.getValue() == null ? null : value.getValue().toString()));
            data.getFormFields().add(field);
        }
        return data;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment, ProcessDefinitionEntity processDefinition,
                                   BpmnParse bpmnParse) {
        form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        form.submitFormVariables(properties, variableScope);
    }
}
