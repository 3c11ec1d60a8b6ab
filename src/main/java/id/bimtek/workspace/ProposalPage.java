package id.bimtek.workspace;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetService;
import id.bimtek.proposal.Batch;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.proposal.ProgramService;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.StaffPage;
import id.bimtek.workflow.Decision;
import id.bimtek.workflow.DecisionLog;
import jakarta.validation.Validator;
import java.util.Comparator;
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
 * The proposal editor: title and organiser, the budget line picked from the lines with what is left of them,
 * the registration deadline, tracks, batches (dates, venue, mode, quota, sessions) and budget items. A draft is
 * saved as it is; sending it checks everything and starts the review. After a send-back, the reviewer's comment
 * is on top and sending it again completes the task "Perbaiki usulan". Errors stand next to their fields.
 */
@Controller
@RequestMapping("/kerja/usulan")
class ProposalPage {

    private final ProgramService programs;
    private final BudgetService budget;
    private final DecisionLog decisions;
    private final Validator validator;
    private final StaffPage page;

    ProposalPage(ProgramService programs, BudgetService budget, DecisionLog decisions, Validator validator, StaffPage page) {
        this.programs = programs;
        this.budget = budget;
        this.decisions = decisions;
        this.validator = validator;
        this.page = page;
    }

    @GetMapping("/baru")
    String blank(Model model) {
        return show(ProposalForm.blank(), null, model);
    }

    @GetMapping("/{programId}")
    String edit(@PathVariable long programId, Model model) {
        Program program = programs.get(programId);
        return show(ProposalForm.of(program, budget.line(program.getBudgetLineId()).getCode()), program, model);
    }

    @PostMapping({"", "/{programId}"})
    String save(@PathVariable(required = false) Long programId, @RequestParam Map<String, String> posted,
                @RequestParam(defaultValue = "simpan") String aksi, Model model, RedirectAttributes redirect) {
        Program program = programId == null ? null : programs.get(programId);
        List<Batch> saved = program == null ? List.of() : program.getBatches();
        ProposalForm form = ProposalForm.posted(posted, saved);
        if (aksi.equals("tambah-gelombang")) {
            form.addBatch();
            return show(form, program, model);
        }
        if (aksi.startsWith("rinci-gelombang-") && aksi.substring(16).matches("\\d{1,2}")) {
            form.detailSessions(Integer.parseInt(aksi.substring(16)));
            return show(form, program, model);
        }
        if (aksi.equals("tambah-item")) {
            form.addItem();
            return show(form, program, model);
        }
        if (aksi.startsWith("hapus-")) {
            String[] row = aksi.split("-");
            if (row.length == 3 && row[2].matches("\\d{1,3}")) {
                boolean batch = row[1].equals("gelombang");
                form.remove(batch ? "g" : "i", Integer.parseInt(row[2]), batch ? "gelombang" : "item");
            }
            return show(form, program, model);
        }
        ProgramRequest request = form.toRequest();
        if (request != null) {
            form.reject(validator.validate(request));
        }
        if (!form.errors().isEmpty()) {
            model.addAttribute("problem", "Usulan belum tersimpan: periksa isian yang ditandai.");
            return show(form, program, model);
        }
        String user = CurrentUser.get().id();
        try {
            Program result = program == null ? programs.create(request, user) : programs.update(program.getId(), request, user);
            if (aksi.equals("ajukan")) {
                boolean resubmitted = program != null && program.getStatus() == ProgramStatus.REVISION_REQUIRED;
                programs.submit(result.getId(), user);
                redirect.addFlashAttribute("done", "Usulan " + result.getCode() + (resubmitted ? " diajukan kembali" : " diajukan")
                        + " untuk ditelaah kepala bidang.");
                return "redirect:/kerja";
            }
            redirect.addFlashAttribute("done", "Konsep " + result.getCode() + " tersimpan.");
            return "redirect:/kerja/usulan/" + result.getId();
        } catch (ProblemException e) {
            form.reject(e.field(), inWords(e));
            model.addAttribute("problem", "Usulan belum tersimpan: " + inWords(e));
            return show(form, program, model);
        }
    }

    private String show(ProposalForm form, Program program, Model model) {
        for (int i = 0; i < form.batches(); i++) {
            if (form.ticked("g" + i + "_rinci")) {
                form.detailSessions(i); // rows added by a larger number of sessions start from the batch's dates
            }
        }
        boolean editable = program == null || program.getStatus().isEditableByStaff();
        model.addAttribute("form", form);
        model.addAttribute("program", program);
        model.addAttribute("editable", editable && (program == null || program.getCreatedBy().equals(CurrentUser.get().id())));
        model.addAttribute("author", program == null ? null : page.nameOf(program.getCreatedBy()));
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        budget.lines().forEach(line -> lines.put(line.getCode() + "|" + line.getFiscalYear(), label(line)));
        model.addAttribute("lines", lines);
        model.addAttribute("kinds", ProposalForm.KINDS);
        model.addAttribute("knownTracks", ProposalForm.KNOWN_TRACKS);
        model.addAttribute("batchRows", java.util.stream.IntStream.range(0, form.batches()).boxed().toList());
        model.addAttribute("itemRows", java.util.stream.IntStream.range(0, form.items()).boxed().toList());
        Optional<Decision> sentBack = program == null ? Optional.empty() : decisions.of(program.getId()).stream()
                .filter(decision -> "REVISE".equals(decision.getDecision()) || "INVALID".equals(decision.getDecision()))
                .max(Comparator.comparing(Decision::getDecidedAt));
        model.addAttribute("sentBack", program != null && program.getStatus() == ProgramStatus.REVISION_REQUIRED
                ? sentBack.orElse(null) : null);
        model.addAttribute("sentBackBy", sentBack.map(decision -> page.nameOf(decision.getActor())).orElse(null));
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/proposal";
    }

    /** The service's refusals of a proposal, as the editor says them. */
    private String inWords(ProblemException e) {
        String field = e.field() == null ? "" : e.field();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e.kind() == ProblemException.Kind.FORBIDDEN) {
            return "hanya penyusun usulan yang dapat mengubah atau mengajukannya.";
        }
        if (field.equals("status")) {
            return "usulan dalam status ini tidak dapat diubah atau diajukan.";
        }
        if (field.equals("budgetLineCode")) {
            return message.contains("belongs to") ? "mata anggaran ini milik instansi lain; pilih mata anggaran penyelenggara."
                    : "mata anggaran tidak ditemukan untuk tahun anggaran itu.";
        }
        if (field.endsWith(".name") && message.contains("twice")) {
            return "nama gelombang dipakai dua kali.";
        }
        if (field.endsWith(".endDate")) {
            return "tanggal selesai sebelum tanggal mulai.";
        }
        if (field.contains("sessionPlan") && field.endsWith(".date")) {
            return "tanggal sesi di luar tanggal gelombang.";
        }
        if (field.contains("sessionPlan") && field.endsWith(".end")) {
            return "sesi selesai sebelum dimulai.";
        }
        if (field.contains("sessionPlan") && (field.endsWith(".venue") || field.endsWith(".meetingLink"))) {
            return "sesi tatap muka perlu tempat; sesi daring perlu tautan https://.";
        }
        if (field.contains("sessionPlan") || field.endsWith(".sessions")) {
            return "jadwal sesi tidak cocok dengan tanggal atau jumlah sesi gelombang.";
        }
        return page.explain(e);
    }

    /** "3.31.01.2.01.0003 · Pemberdayaan ... · 2026 · sisa Rp 500.000.000": what staff pick a line by. */
    static String label(BudgetLine line) {
        return line.getCode() + " · " + line.getName() + " · " + line.getFiscalYear() + " · " + line.getAgency()
                + " · sisa " + id.bimtek.shared.Rupiah.of(line.getRemaining());
    }
}
