package id.bimtek.auditor;

import id.bimtek.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A programme's timeline as CSV and PDF, with the filters of the JSON endpoint, streamed as they are written. Under {@code /api} for
 * HTTP Basic clients, and under {@code /audit} for auditors signed in to the pages. Without parameters an
 * export is the complete trail (engine steps included); the page's links pass its own filters, so what is
 * downloaded is what the page shows.
 */
@RestController
public class AuditExportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditTrail audit;
    private final AuditorQueries queries;
    private final AuditExports exports;

    public AuditExportController(AuditTrail audit, AuditorQueries queries, AuditExports exports) {
        this.audit = audit;
        this.queries = queries;
        this.exports = exports;
    }

    @GetMapping({"/api/programs/{id}/audit.csv", "/audit/programs/{id}/audit.csv"})
    ResponseEntity<StreamingResponseBody> csv(@PathVariable long id, @RequestParam(required = false) AuditTrail.Stage stage,
                               @RequestParam(required = false) String user, @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(defaultValue = "true") boolean engineSteps) {
        AuditorQueries.ProgramHeader program = queries.header(id);
        List<AuditTrail.Record> records = AuditFilter.of(stage, user, kind, from, to, engineSteps).apply(audit.of(id));
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("audit-" + program.code() + ".csv"))
                .body(out -> exports.csv(records, out));
    }

    @GetMapping({"/api/programs/{id}/audit.pdf", "/audit/programs/{id}/audit.pdf"})
    ResponseEntity<StreamingResponseBody> pdf(@PathVariable long id, @RequestParam(required = false) AuditTrail.Stage stage,
                               @RequestParam(required = false) String user, @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(defaultValue = "true") boolean engineSteps, Authentication caller) {
        AuditorQueries.ProgramHeader program = queries.header(id);
        AuditFilter filter = AuditFilter.of(stage, user, kind, from, to, engineSteps);
        // everything is read before the first byte goes out; the document is then written as it is laid out
        AuditTrail.VerifiedTrail trail = audit.verified(id);
        AuditorQueries.ProgramMoney money = queries.money(id);
        AuditTrail.Verification verification = trail.verification();
        List<AuditTrail.Record> chosen = filter.apply(trail.records());
        String lastHash = trail.lastHash();
        String generatedBy = caller == null ? "-" : caller.getName();
        Instant generatedAt = Instant.now();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("audit-" + program.code() + ".pdf"))
                .body(out -> exports.pdf(program, money, chosen, filter, verification, lastHash, generatedBy, generatedAt, out));
    }

    /** The timeline as JSON for auditors signed in to the pages (the same as {@code GET /api/programs/{id}/audit}). */
    @GetMapping("/audit/programs/{id}/audit.json")
    List<AuditTrail.Record> json(@PathVariable long id, @RequestParam(required = false) AuditTrail.Stage stage,
                                 @RequestParam(required = false) String user, @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(defaultValue = "true") boolean engineSteps) {
        queries.header(id);
        return AuditFilter.of(stage, user, kind, from, to, engineSteps).apply(audit.of(id));
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    }
}
