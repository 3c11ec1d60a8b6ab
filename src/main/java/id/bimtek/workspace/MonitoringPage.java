package id.bimtek.workspace;

import id.bimtek.followup.FollowUpService;
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
import java.util.OptionalInt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Monitoring rounds of a programme's graduates: for the round that is due, one row per graduate (business still
 * running, monthly revenue, employees), correctable until the round is recorded; earlier rounds read-only.
 */
@Controller
@RequestMapping("/kerja/program/{programId}/pemantauan")
class MonitoringPage {

    private static final String RECORD_OUTCOMES = "recordOutcomes";

    private final ProgramService programs;
    private final FollowUpService followUp;
    private final WorkflowTasks tasks;
    private final StaffPage page;

    MonitoringPage(ProgramService programs, FollowUpService followUp, WorkflowTasks tasks, StaffPage page) {
        this.programs = programs;
        this.followUp = followUp;
        this.tasks = tasks;
        this.page = page;
    }

    @GetMapping
    String rounds(@PathVariable long programId, @RequestParam(required = false) Integer putaran, Model model) {
        Program program = programs.get(programId);
        List<FollowUpService.RoundState> rounds = program.getStatus() == ProgramStatus.FOLLOW_UP
                || program.getStatus() == ProgramStatus.COMPLETED ? followUp.rounds(programId) : List.of();
        OptionalInt open = program.getStatus() == ProgramStatus.FOLLOW_UP ? followUp.openRound(programId) : OptionalInt.empty();
        int shown = putaran != null && putaran >= 1 && putaran <= rounds.size() ? putaran
                : open.isPresent() ? open.getAsInt() : rounds.stream().filter(FollowUpService.RoundState::recorded)
                .mapToInt(FollowUpService.RoundState::round).max().orElse(1);
        model.addAttribute("program", program);
        model.addAttribute("rounds", rounds);
        model.addAttribute("shown", shown);
        model.addAttribute("editable", open.isPresent() && open.getAsInt() == shown);
        model.addAttribute("graduates", rounds.isEmpty() ? List.of() : followUp.graduateOutcomes(programId, shown));
        model.addAttribute("missing", rounds.isEmpty() ? List.of() : followUp.missingOutcomes(programId, shown));
        model.addAttribute("task", taskOf(programId).orElse(null));
        model.addAttribute("names", rounds.stream().filter(FollowUpService.RoundState::recorded)
                .collect(java.util.stream.Collectors.toMap(FollowUpService.RoundState::round, r -> page.nameOf(r.recordedBy()))));
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/monitoring";
    }

    /** Saves the rows filled in; a row left empty stays unrecorded, a half-filled one is refused with the rest. */
    @PostMapping("/{round}")
    String save(@PathVariable long programId, @PathVariable int round, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        programs.get(programId);
        List<FollowUpService.OutcomeEntry> entries = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FollowUpService.GraduateOutcome graduate : followUp.graduateOutcomes(programId, round)) {
            long id = graduate.registrationId();
            String active = form.getOrDefault("aktif_" + id, "").strip();
            String revenue = form.getOrDefault("omzet_" + id, "").strip();
            String employees = form.getOrDefault("karyawan_" + id, "").strip();
            if (active.isEmpty() && revenue.isEmpty() && employees.isEmpty()) {
                continue;
            }
            BigDecimal amount = Rupiah.parse(revenue);
            Integer people = count(employees);
            if (active.isEmpty() || amount == null || people == null) {
                errors.put(graduate.name(), (active.isEmpty() ? "pilih apakah usahanya masih berjalan; " : "")
                        + (amount == null ? "omzet per bulan harus angka rupiah, mis. 2.500.000; " : "")
                        + (people == null ? "tenaga kerja harus bilangan bulat 0 atau lebih" : ""));
                continue;
            }
            entries.add(new FollowUpService.OutcomeEntry(id, "ya".equals(active), amount, people));
        }
        redirect.addAttribute("putaran", round);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("problem", "Belum tersimpan. " + errors.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue().replaceAll(";\\s*$", "")).reduce((a, b) -> a + ". " + b).orElse(""));
            redirect.addFlashAttribute("sent", form);
            return "redirect:/kerja/program/{programId}/pemantauan";
        }
        try {
            followUp.recordOutcomes(programId, round, entries, CurrentUser.get().id());
            redirect.addFlashAttribute("done", entries.size() + " hasil putaran " + round + " tersimpan.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
        }
        return "redirect:/kerja/program/{programId}/pemantauan";
    }

    /** Finishes the task of the round that is due: its outcomes are final from then on. */
    @PostMapping("/selesai")
    String close(@PathVariable long programId, @RequestParam(required = false) String alasan, RedirectAttributes redirect) {
        Program program = programs.get(programId);
        Optional<WorkflowTasks.TaskView> task = taskOf(programId);
        OptionalInt open = followUp.openRound(programId);
        if (task.isEmpty() || open.isEmpty()) {
            redirect.addFlashAttribute("problem", "Tidak ada putaran pemantauan yang sedang jatuh tempo.");
            return "redirect:/kerja/program/{programId}/pemantauan";
        }
        redirect.addAttribute("putaran", open.getAsInt());
        String reason = alasan == null || alasan.isBlank() ? null : alasan.strip();
        List<Long> missing = followUp.missingOutcomes(programId, open.getAsInt());
        if (!missing.isEmpty() && reason == null) {
            redirect.addFlashAttribute("problem", missing.size() + " lulusan belum punya hasil di putaran ini. Catat dulu, "
                    + "atau tuliskan alasannya (mis. tidak dapat dihubungi).");
            return "redirect:/kerja/program/{programId}/pemantauan";
        }
        if (reason != null && reason.length() > 1000) {
            redirect.addFlashAttribute("problem", "Alasan paling banyak 1000 karakter.");
            return "redirect:/kerja/program/{programId}/pemantauan";
        }
        try {
            tasks.complete(task.get().id(), missing.isEmpty() ? Map.of()
                    : Map.of(FollowUpService.MISSING_OUTCOMES_REASON, reason), CurrentUser.get());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
            return "redirect:/kerja/program/{programId}/pemantauan";
        }
        redirect.addFlashAttribute("done", "Putaran " + open.getAsInt() + " " + program.getCode()
                + " tercatat. Tugas \"" + task.get().name() + "\" selesai.");
        return "redirect:/kerja/program/{programId}/pemantauan";
    }

    private Optional<WorkflowTasks.TaskView> taskOf(long programId) {
        return tasks.open(programId, RECORD_OUTCOMES).stream().findFirst();
    }

    private static Integer count(String text) {
        return text.matches("\\d{1,6}") ? Integer.valueOf(text) : null;
    }
}
