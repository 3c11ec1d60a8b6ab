package id.bimtek.workspace;

import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.registration.ApplicantImport;
import id.bimtek.registration.ImportRuns;
import id.bimtek.registration.ApplicantRanking;
import id.bimtek.registration.ImportReport;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.StaffPage;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A programme's applicants for staff: the list per batch (NIKs masked: the list is for finding people, the
 * attendance sheet carries the full number), the CSV upload of applicants collected on paper with what became of
 * every row, and, for a selection programme, the ranked list.
 */
@Controller
@RequestMapping("/kerja/program/{programId}/pendaftar")
class ApplicantsPage {

    /** Rows of an import report shown on the page; the totals count them all. */
    private static final int SHOWN_ROWS = 1_000;

    private final ProgramService programs;
    private final RegistrationService registrations;
    private final ImportRuns importRuns;
    private final ApplicantRanking ranking;
    private final StaffPage page;

    ApplicantsPage(ProgramService programs, RegistrationService registrations, ImportRuns importRuns,
                   ApplicantRanking ranking, StaffPage page) {
        this.programs = programs;
        this.registrations = registrations;
        this.importRuns = importRuns;
        this.ranking = ranking;
        this.page = page;
    }

    @GetMapping
    String list(@PathVariable long programId, Model model) {
        return show(programs.get(programId), null, model);
    }

    /** Starts the import in the background and sends the browser to the page that follows it. */
    @PostMapping("/impor")
    String upload(@PathVariable long programId, @RequestParam(name = "berkas", required = false) MultipartFile file, Model model)
            throws IOException {
        Program program = programs.get(programId);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "Pilih berkas CSV daftar pendaftar.");
            return show(program, null, model);
        }
        long run;
        try (InputStream in = file.getInputStream()) {
            run = importRuns.start(programId, ApplicantImport.readLimited(in), CurrentUser.get().id());
        } catch (ProblemException e) {
            model.addAttribute("problem", "Berkas tidak diproses: " + page.explain(e).replaceFirst("^Tidak dapat dilakukan: ", ""));
            return show(program, null, model);
        }
        return "redirect:/kerja/program/" + programId + "/pendaftar/impor/" + run;
    }

    /** While it runs: how far it has got, the page looking again every second; then what became of every row. */
    @GetMapping("/impor/{runId}")
    String run(@PathVariable long programId, @PathVariable long runId, Model model,
               jakarta.servlet.http.HttpServletResponse response) {
        Program program = programs.get(programId);
        ImportRuns.Run run = importRuns.find(programId, runId)
                .orElseThrow(() -> ProblemException.notFound("import " + runId + " of programme " + programId));
        if (run.state() == ImportRuns.State.RUNNING) {
            model.addAttribute("program", program);
            model.addAttribute("run", run);
            boolean stalled = run.stalled(java.time.Instant.now());
            model.addAttribute("stalled", stalled);
            if (!stalled) {
                response.setHeader("Refresh", "1"); // the browser looks again in a second (no script needed)
            }
            model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
            return "kerja/import-progress";
        }
        if (run.state() == ImportRuns.State.FAILED) {
            model.addAttribute("problem", "Impor berhenti setelah " + run.decided() + " dari " + run.rows()
                    + " baris: " + run.error() + ". Baris yang sudah diputuskan tetap tercatat.");
            return show(program, null, model);
        }
        ImportReport report = run.report();
        ImportReport.Totals totals = report.totals();
        model.addAttribute("done", report.rows() + " baris diproses: " + totals.registered() + " mendapat kursi, "
                + totals.waitlisted() + " daftar tunggu, " + totals.applied() + " lamaran diterima, " + totals.refused()
                + " ditolak, " + totals.invalid() + " tidak valid.");
        return show(program, report, model);
    }

    private String show(Program program, ImportReport report, Model model) {
        Map<String, List<RegistrationView>> byBatch = new LinkedHashMap<>();
        program.getBatches().forEach(batch -> byBatch.put(batch.getName(), new java.util.ArrayList<>()));
        registrations.ofProgram(program.getId()).forEach(r -> byBatch.computeIfAbsent(r.batch(), b -> new java.util.ArrayList<>()).add(r));
        model.addAttribute("program", program);
        model.addAttribute("byBatch", byBatch);
        model.addAttribute("importOpen", program.getStatus() == ProgramStatus.REGISTRATION_OPEN);
        model.addAttribute("ranked", program.getAllocationMode() == AllocationMode.SELECTION ? ranking.of(program.getId()) : List.of());
        if (report != null) {
            model.addAttribute("rows", report.results().stream().limit(SHOWN_ROWS).map(this::explain).toList());
            model.addAttribute("hiddenRows", Math.max(0, report.results().size() - SHOWN_ROWS));
        }
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/applicants";
    }

    private static String waitlistPosition(String message) {
        java.util.regex.Matcher position = java.util.regex.Pattern.compile("position (\\d+)").matcher(message == null ? "" : message);
        return position.find() ? " nomor " + position.group(1) : "";
    }

    /** Why a column's value is refused, in Bahasa Indonesia where the page's messages know it. */
    private String invalid(String column, String message) {
        String text = message == null ? "" : message;
        if (column != null && column.toLowerCase(java.util.Locale.ROOT).contains("nik")) {
            return page.text("Pattern.nik", "NIK harus 16 angka.");
        }
        if (column != null && column.toLowerCase(java.util.Locale.ROOT).matches(".*(phone|telepon|hp).*")) {
            return page.text("Pattern.phone", text);
        }
        if (text.contains("blank") || text.contains("required") || text.contains("missing") || text.contains("empty")) {
            return "wajib diisi.";
        }
        return "isinya tidak dapat dipakai (" + text + ").";
    }

    /** A row of the report in words: its number, the masked NIK, what became of it and why. */
    private Map<String, Object> explain(ImportReport.RowResult row) {
        String outcome = switch (row.outcome()) {
            case REGISTERED -> "mendapat kursi";
            case WAITLISTED -> "daftar tunggu";
            case APPLIED -> "lamaran diterima";
            case REFUSED -> "ditolak";
            case INVALID -> "tidak valid";
        };
        String why = switch (row.outcome()) {
            case REGISTERED -> "kursi tersedia";
            case WAITLISTED -> "gelombang penuh; daftar tunggu" + waitlistPosition(row.message());
            case APPLIED -> "diperingkat bersama yang lain setelah pendaftaran ditutup";
            case REFUSED -> page.text("refusal." + row.rule(), row.message());
            case INVALID -> "kolom " + row.field() + ": " + invalid(row.field(), row.message());
        };
        return Map.of("row", row.row(), "nik", row.nik() == null ? "—" : row.nik(), "outcome", outcome, "why", why == null ? "" : why,
                "ok", row.outcome() == ImportReport.Outcome.REGISTERED || row.outcome() == ImportReport.Outcome.APPLIED
                        || row.outcome() == ImportReport.Outcome.WAITLISTED);
    }
}
