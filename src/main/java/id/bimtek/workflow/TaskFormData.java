package id.bimtek.workflow;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.instructor.InstructorService;
import id.bimtek.proposal.Batch;
import id.bimtek.proposal.BatchSession;
import id.bimtek.proposal.InstructorRole;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.SessionInstructor;
import id.bimtek.proposal.SessionMode;
import id.bimtek.shared.Rupiah;
import id.bimtek.shared.Wib;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a person deciding in Camunda Tasklist needs to see: of the programme, its batches, its budget against the
 * line's remaining ceiling and the decisions taken so far, what the task's form shows (its disabled fields), worked
 * out when the form is read ({@link ShownOnForm}) and never stored: the values are those of the moment the form is
 * opened, and a task costs no variables or history for them. A task whose page is the project's own shows none.
 * Only the programme's code and title are written on such a task when it is created, as its own (local) variables:
 * Tasklist's lists show them beside the task (the filters' columns are variables, and a task's own are the ones
 * its candidates may read); without history ({@link HistoryNobodyReads}).
 */
@Component
@Order(1)
public class TaskFormData implements OnEveryUserTask {

    @Override
    public Set<String> events() {
        return Set.of(EVENTNAME_CREATE);
    }

    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", INDONESIA);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", INDONESIA)
            .withZone(Wib.ZONE);

    private final ProcessPrograms processPrograms;
    private final ProgramRepository programs;
    private final BudgetLineRepository lines;
    private final DecisionLog decisions;
    private final List<TaskFormSection> sections;
    private final InstructorService instructors;

    private final id.bimtek.shared.Words words;
    private final id.bimtek.shared.StaffPage people;
    private final DeployedForms forms;

    public TaskFormData(ProgramRepository programs, BudgetLineRepository lines, DecisionLog decisions,
                        List<TaskFormSection> sections, InstructorService instructors, ProcessPrograms processPrograms,
                        id.bimtek.shared.Words words, id.bimtek.shared.StaffPage people, DeployedForms forms) {
        this.forms = forms;
        this.words = words;
        this.people = people;
        this.instructors = instructors;
        this.processPrograms = processPrograms;
        this.sections = sections;
        this.programs = programs;
        this.lines = lines;
        this.decisions = decisions;
    }

    /** The list's columns, on a task with a form. */
    @Override
    public void notify(DelegateTask task) {
        if (!forms.shownFieldsOf(formRefOf(task)).isEmpty()) {
            Program program = programs.findById(processPrograms.idOf(task)).orElseThrow();
            task.setVariablesLocal(Map.of("programCode", program.getCode(), "programTitle", program.getTitle()));
        }
    }

    private static String formRefOf(DelegateTask task) {
        return task.getBpmnModelElementInstance().getCamundaFormRef();
    }

    /** The values the form {@code formRef} of the task shows, by field key. */
    Map<String, Object> shownOn(DelegateTask task, String formRef) {
        Set<String> fields = forms.shownFieldsOf(formRef);
        if (fields.isEmpty()) {
            return Map.of();
        }
        Program program = programs.findById(processPrograms.idOf(task)).orElseThrow();
        Map<String, Object> shown = new HashMap<>();
        shown.put("programCode", program.getCode());
        shown.put("programTitle", program.getTitle());
        shown.put("programAgency", program.getAgency());
        show(shown, fields, "programBatches", () -> batches(program));
        show(shown, fields, "programBudget", () -> program.getBudgetItems().stream()
                .map(item -> "• " + item.getDescription() + ": " + rupiah(item.getAmount()))
                .collect(Collectors.joining("\n")) + "\nJumlah: " + rupiah(program.requestedTotal()));
        show(shown, fields, "budgetLine", () -> budgetLine(program));
        shown.put("programDeadline", WHEN.format(program.getRegistrationDeadline()) + " WIB, minimal "
                + program.getMinimumParticipants() + " peserta");
        String taskKey = task.getTaskDefinitionKey();
        sections.forEach(section -> shown.putAll(section.shownOn(taskKey, program.getId())));
        show(shown, fields, "earlierDecisions", () -> decisions.of(program.getId()).stream()
                .map(d -> WHEN.format(d.getDecidedAt()) + " — " + d.getTaskName() + ": " + words.decision(d.getDecision())
                        + " oleh " + people.nameOf(d.getActor()) + (d.getComment() == null ? "" : " — \"" + d.getComment() + "\""))
                .collect(Collectors.joining("\n")));
        shown.keySet().retainAll(fields);
        return shown;
    }

    /** A value worked out only for a form that shows it (some take queries). */
    private static void show(Map<String, Object> shown, Set<String> fields, String key, Supplier<String> value) {
        if (fields.contains(key)) {
            shown.put(key, value.get());
        }
    }

    private String batches(Program program) {
        Map<Long, String> names = instructors.byIds(program.getBatches().stream()
                .flatMap(batch -> batch.getSessionPlan().stream()).flatMap(session -> session.getInstructors().stream())
                .map(SessionInstructor::getInstructorId).collect(Collectors.toSet())).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getName()));
        String batches = program.getBatches().stream().map(batch -> describe(batch, names))
                .collect(Collectors.joining("\n"));
        // a Camunda string variable holds at most 4,000 characters
        return batches.length() <= 3_900 ? batches
                : batches.substring(0, 3_880) + " … (GET /api/programs/" + program.getId() + ")";
    }

    private String budgetLine(Program program) {
        BudgetLine line = lines.findById(program.getBudgetLineId()).orElseThrow();
        return line.getCode() + " " + line.getName() + " (" + line.getSource() + " " + line.getFiscalYear()
                + ")\nPagu " + rupiah(line.getCeiling()) + ", terkomitmen " + rupiah(line.getCommitted())
                + ", terealisasi " + rupiah(line.getRealised()) + ", sisa " + rupiah(line.getRemaining())
                + line.getCodeParts().map(parts -> "\n" + parts).orElse("")
                + (program.getFiscalYearReason() == null ? ""
                        : "\nJadwal di luar tahun anggaran " + line.getFiscalYear() + ", alasan: " + program.getFiscalYearReason());
    }

    /** A batch and its sessions, with who teaches them. */
    private String describe(Batch batch, Map<Long, String> names) {
        StringBuilder text = new StringBuilder("• " + batch.getName() + " (" + String.join(", ", batch.getTracks()) + "): "
                + batch.getStartDate() + " s.d. " + batch.getEndDate() + ", " + batch.getVenue() + ", " + batch.getMode()
                + ", kuota " + batch.getQuota() + ", terisi " + batch.getTaken() + ", " + batch.getSessions() + " sesi ("
                + batch.plannedHours().stripTrailingZeros().toPlainString() + " jam)");
        for (BatchSession session : batch.getSessionPlan()) {
            text.append("\n   Sesi ").append(session.getSessionNo()).append(", ").append(DAY.format(session.getSessionDate()))
                    .append(' ').append(session.getStartTime()).append('–').append(session.getEndTime()).append(", ")
                    .append(session.getMode() == SessionMode.ONLINE ? "daring " + session.getMeetingLink()
                            : "tatap muka di " + session.getVenue())
                    .append(": ").append(session.getTopic());
            for (SessionInstructor assigned : session.getInstructors()) {
                text.append(" — ").append(names.getOrDefault(assigned.getInstructorId(), "instruktur #" + assigned.getInstructorId()))
                        .append(" (").append(assigned.getRole() == InstructorRole.NARASUMBER ? "narasumber" : "instruktur");
                if (assigned.getHonorarium().signum() > 0) {
                    text.append(", honorarium ").append(rupiah(assigned.getHonorarium())).append(" dari ")
                            .append(assigned.getHonorariumItem());
                }
                text.append(')');
            }
        }
        return text.toString();
    }

    static String rupiah(BigDecimal amount) {
        return Rupiah.of(amount);
    }
}
