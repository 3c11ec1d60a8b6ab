package id.bimtek.closing;

import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.PdfSheet;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Rupiah;
import id.bimtek.shared.Wib;
import id.bimtek.workflow.Decision;
import id.bimtek.workflow.DecisionLog;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The closing report to print (laporan pertanggungjawaban): the budget plan against its realisation item by
 * item, the unplanned items with their reasons, the notes, who filed it and who decided on it.
 */
@RestController
class ClosingReportController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm",
            Locale.forLanguageTag("id-ID")).withZone(Wib.ZONE);

    private final ClosingReports reports;
    private final DecisionLog decisions;

    ClosingReportController(ClosingReports reports, DecisionLog decisions) {
        this.reports = reports;
        this.decisions = decisions;
    }

    @GetMapping("/api/programs/{programId}/closing-report.pdf")
    ResponseEntity<byte[]> print(@PathVariable long programId) {
        ClosingReports.Filed report = reports.latest(programId)
                .orElseThrow(() -> ProblemException.notFound("closing report of programme " + programId));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (ClosingReports.Line line : report.lines()) {
            rows.add(List.of(String.valueOf(rows.size() + 1), line.description(),
                    line.unplanned() ? "di luar rencana" : Rupiah.of(line.planned()), Rupiah.of(line.realised()),
                    line.unplanned() ? "" : Rupiah.of(line.planned().subtract(line.realised())),
                    line.reason() == null ? "" : line.reason()));
        }
        rows.add(List.of("", "Jumlah", Rupiah.of(report.plannedTotal()), Rupiah.of(report.realisedTotal()),
                Rupiah.of(report.plannedTotal().subtract(report.realisedTotal())), ""));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Program", report.programCode() + " · " + report.programTitle());
        facts.put("Penyelenggara", report.agency());
        facts.put("Dilaporkan oleh", report.filedBy() + ", " + WHEN.format(report.filedAt()) + " WIB");
        facts.put("Keputusan", decisions.of(programId).stream()
                .filter(decision -> decision.getTaskKey().equals("approveClosingReport")).reduce((first, last) -> last)
                .map(ClosingReportController::described).orElse("menunggu keputusan kepala dinas"));
        byte[] pdf = PdfSheet.portrait("Laporan Pertanggungjawaban Kegiatan", "Dicetak " + WHEN.format(Instant.now())
                        + " WIB oleh " + CurrentUser.get().id() + " · " + report.programCode())
                .facts(facts)
                .table("Rencana dan realisasi anggaran", new float[] {0.4f, 3f, 1.6f, 1.6f, 1.6f, 2.6f},
                        List.of("No", "Uraian", "Rencana", "Realisasi", "Sisa", "Alasan (di luar rencana)"), rows, 0)
                .paragraph("Catatan: " + (report.notes() == null ? "-" : report.notes()))
                .finish();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("lpj-" + report.programCode() + ".pdf").build().toString())
                .body(pdf);
    }

    private static String described(Decision decision) {
        String word = switch (decision.getDecision()) {
            case "APPROVE" -> "disetujui";
            case "REVISE" -> "dikembalikan untuk diperbaiki";
            default -> decision.getDecision().toLowerCase(Locale.ROOT);
        };
        return word + " oleh " + decision.getActor() + ", " + WHEN.format(decision.getDecidedAt()) + " WIB"
                + (decision.getComment() == null ? "" : " — " + decision.getComment());
    }
}
