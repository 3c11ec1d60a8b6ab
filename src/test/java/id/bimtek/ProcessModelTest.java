package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * The process's knowledge that Java and the configuration repeat still matches the BPMN: every user task
 * has what every user task needs, and every task or routing name the code spells out exists in the model,
 * so renaming an element in the Modeler fails here instead of silently in production.
 */
class ProcessModelTest {

    private static final Path LIFECYCLE = Path.of("bpmn/program-lifecycle.bpmn");
    /** How the names of the lifecycle's steps and routing values begin. */
    private static final Pattern STEP_NAME = Pattern.compile("\"((?:review|approve|revise|confirm|record|file|decide|second"
            + "|commit|open|close|rank|validate|settle|assess|create|extend|determine)[A-Z][A-Za-z]*)\"");

    @Test
    void everyUserTaskHasAFormACandidateGroupADueDateAReminderAndAnEscalation() throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(LIFECYCLE.toFile());
        assertThat(model.getModelElementsByType(UserTask.class)).isNotEmpty().allSatisfy(task -> {
            assertThat(task.getName()).as("name of %s", task.getId()).isNotBlank();
            // a Camunda Form in Tasklist, or (work that is a grid) the staff workspace's page, as an external form
            if (task.getCamundaFormRef() == null) {
                assertThat(task.getCamundaFormKey()).as("form of %s", task.getId()).isEqualTo("/kerja/tugas");
            } else {
                assertThat(Files.exists(Path.of("bpmn", task.getCamundaFormRef() + ".form"))).as("bpmn/%s.form",
                        task.getCamundaFormRef()).isTrue();
            }
            assertThat(task.getCamundaCandidateGroups()).as("candidate group of %s", task.getId()).isNotBlank();
            assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
            // its holder is reminded when it is due and it escalates to the next level when overdue
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                    .filter(listener -> "timeout".equals(listener.getCamundaEvent()))
                    .map(CamundaTaskListener::getCamundaDelegateExpression).toList())
                    .as("timeout listeners of %s", task.getId()).containsExactlyInAnyOrder("${taskReminder}", "${taskEscalation}");
        });
    }

    /** What every user task has is attached by the engine (EveryUserTask), so the model shows only the process. */
    @Test
    void theModelDoesNotRepeatWhatEveryUserTaskHas() throws IOException {
        String model = Files.readString(LIFECYCLE);
        assertThat(Pattern.compile("\\$\\{(taskAudit|taskNotifications|taskFormData|deputyCandidates|taskCompletionCheck)}").matcher(model).results()
                .map(match -> match.group(1)).toList()).as("listeners EveryUserTask attaches to every user task").isEmpty();
    }

    @Test
    void everyStepTheCodeNamesIsInTheModel() throws IOException {
        String model = Files.readString(LIFECYCLE) + Files.readString(Path.of("bpmn/seat-offer.bpmn"));
        Map<String, Set<String>> unknown = new TreeMap<>();
        int checked = 0;
        try (Stream<Path> sources = Stream.concat(Files.walk(Path.of("src/main/java")),
                Stream.of(Path.of("src/main/resources/application.yaml")))) {
            for (Path source : sources.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(source);
                if (source.toString().endsWith(".yaml")) {
                    text = text.replaceAll("(?m)^\\s+([A-Za-z]+):", "\"$1\"");
                }
                Matcher names = STEP_NAME.matcher(text);
                while (names.find()) {
                    checked++;
                    if (!model.contains("\"" + names.group(1) + "\"") && !model.contains(names.group(1) + " ")
                            && !model.contains(names.group(1) + "}") && !model.contains("'" + names.group(1) + "'")) {
                        unknown.computeIfAbsent(source.toString(), s -> new java.util.TreeSet<>()).add(names.group(1));
                    }
                }
            }
        }
        assertThat(checked).as("task and routing names found in the code").isGreaterThan(30);
        assertThat(unknown).as("names in the code that the BPMN lacks").isEmpty();
    }

    @Test
    void theModelsIdsExplainThemselves() throws IOException {
        String model = Files.readString(LIFECYCLE);
        Set<String> generated = Pattern.compile("id=\"((?:Activity|Gateway|Event|Flow|Task|StartEvent|EndEvent)_[0-9a-z]+)\"")
                .matcher(model).results().map(match -> match.group(1)).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(generated).as("ids left as the Modeler generated them").isEmpty();
    }
}
