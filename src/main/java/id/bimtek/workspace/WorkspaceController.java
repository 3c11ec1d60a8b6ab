package id.bimtek.workspace;

import id.bimtek.proposal.ProgramService;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.StaffPage;
import id.bimtek.workflow.WorkflowTasks;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The workspace of staff and heads: what waits for me, and the programmes by where they stand. It is also where
 * Tasklist's external form link lands ({@code camunda:formKey="/kerja/tugas"}): the task opens the page that does
 * its work, and tasks with a Camunda Form go back to Tasklist.
 */
@Controller
class WorkspaceController {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    /** Tasks whose work is a grid: done on the project's pages, not in a Tasklist form. */
    private static final Map<String, String> PAGES = Map.of(
            "reviseProposal", "/kerja/usulan/{p}",
            "recordAttendance", "/kerja/program/{p}/gelombang/{b}/kehadiran",
            "fileClosingReport", "/kerja/program/{p}/penutupan",
            "recordOutcomes", "/kerja/program/{p}/pemantauan");

    /** The order programmes are listed in: the ones with work now first. */
    private static final List<ProgramStatus> ORDER = List.of(ProgramStatus.IN_DELIVERY, ProgramStatus.FOLLOW_UP,
            ProgramStatus.CLOSING, ProgramStatus.CLOSING_APPROVAL, ProgramStatus.REGISTRATION_OPEN,
            ProgramStatus.REGISTRATION_CLOSED, ProgramStatus.REVISION_REQUIRED, ProgramStatus.IN_REVIEW,
            ProgramStatus.BUDGET_APPROVAL, ProgramStatus.SUBMITTED, ProgramStatus.DRAFT, ProgramStatus.COMPLETED,
            ProgramStatus.CANCELLED, ProgramStatus.REJECTED);

    private final WorkflowTasks tasks;
    private final ProgramService programs;
    private final StaffPage page;
    private final id.bimtek.delivery.BatchClosing batches;

    WorkspaceController(WorkflowTasks tasks, ProgramService programs, StaffPage page, id.bimtek.delivery.BatchClosing batches) {
        this.batches = batches;
        this.tasks = tasks;
        this.programs = programs;
        this.page = page;
    }

    @GetMapping({"/kerja", "/kerja/"})
    String home(Model model) {
        CurrentUser me = CurrentUser.get();
        List<WorkflowTasks.TaskView> mine = tasks.openFor(me, new WorkflowTasks.TaskFilter(null, null, true, 0, 200)).items();
        Map<ProgramStatus, List<ProgramService.Summary>> byStatus = new LinkedHashMap<>();
        EnumSet<ProgramStatus> listed = EnumSet.noneOf(ProgramStatus.class);
        List<ProgramService.Summary> all = programs.summaries(500);
        for (ProgramStatus status : ORDER) {
            List<ProgramService.Summary> of = all.stream().filter(p -> p.status() == status).toList();
            if (!of.isEmpty()) {
                byStatus.put(status, of);
                listed.add(status);
            }
        }
        model.addAttribute("tasks", mine);
        model.addAttribute("tasksByProgram", mine.stream().filter(t -> t.programId() != null)
                .collect(Collectors.groupingBy(WorkflowTasks.TaskView::programId, Collectors.counting())));
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("staff", me.isIn(id.bimtek.shared.Roles.STAFF));
        model.addAttribute("head", me.isIn(id.bimtek.shared.Roles.DIVISION_HEAD) || me.isIn(id.bimtek.shared.Roles.DEPARTMENT_HEAD));
        model.addAttribute("departmentHead", me.isIn(id.bimtek.shared.Roles.DEPARTMENT_HEAD));
        model.addAttribute("admin", me.isIn(id.bimtek.shared.Roles.ADMIN));
        model.addAttribute("cancellable", java.util.Arrays.stream(ProgramStatus.values())
                .filter(id.bimtek.cancellation.CancellationService::isCancellable).map(Enum::name).toList());
        model.addAttribute("me", page.nameOf(me.id()));
        return "kerja/home";
    }

    /** Tasklist's "open external form" and the workspace's task links land here. */
    @GetMapping("/kerja/tugas")
    String task(@RequestParam String taskId) {
        WorkflowTasks.TaskView view = tasks.find(taskId)
                .orElseThrow(() -> ProblemException.notFound("open task " + taskId));
        String page = PAGES.get(view.key());
        Long batch = page != null && page.contains("{b}") && view.programId() != null
                ? batches.batchOfTask(view.programId(), view.id()).orElse(null) : null;
        if (view.programId() != null && page != null && (batch != null || !page.contains("{b}"))) {
            return "redirect:" + UriComponentsBuilder.fromPath(page).buildAndExpand(view.programId(), batch).toUriString();
        }
        if (view.programId() != null && page != null) {
            return "redirect:/kerja"; // an attendance task older than the batch's note of it: its sheet is linked there
        }
        return "redirect:" + TASKLIST + "#/?task=" + view.id();
    }
}
