package id.bimtek.workspace;

import id.bimtek.closing.ClosingService;
import id.bimtek.proposal.BudgetItem;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Rupiah;
import id.bimtek.shared.StaffPage;
import id.bimtek.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The closing report (the task "Susun laporan penutupan"): each participant's completion result first, then
 * the realised amount per planned budget item next to its plan, items that were not planned with their reason,
 * and notes; filing it completes the task and sends the report to the department head.
 */
@Controller
@RequestMapping("/kerja/program/{programId}/penutupan")
class ClosingReportPage {

    private static final String FILE_CLOSING_REPORT = "fileClosingReport";
    /** Rows for items that were not in the plan. */
    static final int UNPLANNED_ROWS = 3;

    private final ProgramService programs;
    private final ClosingService closing;
    private final WorkflowTasks tasks;
    private final StaffPage page;

    ClosingReportPage(ProgramService programs, ClosingService closing, WorkflowTasks tasks, StaffPage page) {
        this.programs = programs;
        this.closing = closing;
        this.tasks = tasks;
        this.page = page;
    }

    @GetMapping
    String report(@PathVariable long programId, Model model) {
        Program program = programs.get(programId);
        List<ClosingService.ParticipantResult> results = closing.participantResults(programId);
        model.addAttribute("program", program);
        model.addAttribute("results", results);
        model.addAttribute("graduates", results.stream().filter(ClosingService.ParticipantResult::completed).count());
        model.addAttribute("items", program.getBudgetItems());
        model.addAttribute("unplannedRows", java.util.stream.IntStream.range(0, UNPLANNED_ROWS).boxed().toList());
        model.addAttribute("task", taskOf(programId).orElse(null));
        model.addAttribute("open", program.getStatus() == ProgramStatus.CLOSING && taskOf(programId).isPresent());
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/closing";
    }

    @PostMapping
    String file(@PathVariable long programId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Program program = programs.get(programId);
        String back = "redirect:/kerja/program/{programId}/penutupan";
        Optional<WorkflowTasks.TaskView> task = taskOf(programId);
        if (task.isEmpty()) {
            redirect.addFlashAttribute("problem", "Tidak ada laporan penutupan yang sedang disusun untuk program ini.");
            return back;
        }
        List<Map<String, Object>> realised = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (BudgetItem item : program.getBudgetItems()) {
            String typed = form.getOrDefault("realisasi_" + item.getPosition(), "").strip();
            BigDecimal amount = Rupiah.parse(typed);
            if (typed.isEmpty()) {
                errors.put(item.getDescription(), "isi realisasinya (0 bila tidak terpakai)");
            } else if (amount == null) {
                errors.put(item.getDescription(), "realisasi harus angka rupiah, mis. 4.250.000");
            } else if (amount.compareTo(item.getAmount()) > 0) {
                errors.put(item.getDescription(), "realisasi " + Rupiah.of(amount) + " melebihi rencana " + Rupiah.of(item.getAmount()));
            } else {
                realised.add(Map.of("description", item.getDescription(), "amount", amount.toPlainString()));
            }
        }
        for (int row = 0; row < UNPLANNED_ROWS; row++) {
            String description = form.getOrDefault("lain_uraian_" + row, "").strip();
            String typed = form.getOrDefault("lain_jumlah_" + row, "").strip();
            String reason = form.getOrDefault("lain_alasan_" + row, "").strip();
            if (description.isEmpty() && typed.isEmpty() && reason.isEmpty()) {
                continue;
            }
            BigDecimal amount = Rupiah.parse(typed);
            String label = description.isEmpty() ? "baris tambahan " + (row + 1) : description;
            if (description.isEmpty() || description.length() > 300 || amount == null || reason.isEmpty() || reason.length() > 1000) {
                errors.put(label, "pengeluaran di luar rencana perlu uraian, jumlah dalam rupiah, dan alasannya");
                continue;
            }
            realised.add(Map.of("description", description, "amount", amount.toPlainString(), "reason", reason));
        }
        String notes = form.getOrDefault("catatan", "").strip();
        if (notes.length() > 4000) {
            errors.put("Catatan", "paling banyak 4000 karakter");
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("problem", "Laporan belum diajukan. " + errors.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + ". " + b).orElse("") + ".");
            redirect.addFlashAttribute("sent", form);
            return back;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("realisedItems", realised);
        if (!notes.isEmpty()) {
            report.put("notes", notes);
        }
        try {
            tasks.complete(task.get().id(), report, CurrentUser.get());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
            redirect.addFlashAttribute("sent", form);
            return back;
        }
        redirect.addFlashAttribute("done", "Laporan penutupan " + program.getCode() + " diajukan ke kepala dinas.");
        return "redirect:/kerja";
    }

    private Optional<WorkflowTasks.TaskView> taskOf(long programId) {
        return tasks.open(programId, FILE_CLOSING_REPORT).stream().findFirst();
    }
}
