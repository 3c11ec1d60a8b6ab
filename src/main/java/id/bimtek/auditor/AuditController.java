package id.bimtek.auditor;

import id.bimtek.audit.AuditTrail;
import id.bimtek.audit.AuditCheckpoints;
import id.bimtek.proposal.ProgramService;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' API: a programme's audit trail with filters, and the verification of its hash chain. */
@RestController
public class AuditController {

    private final AuditTrail audit;
    private final ProgramService programs;
    private final AuditCheckpoints checkpoints;

    public AuditController(AuditTrail audit, ProgramService programs, AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.programs = programs;
    }

    @GetMapping("/api/programs/{id}/audit")
    List<AuditTrail.Record> trail(@PathVariable long id, @RequestParam(required = false) AuditTrail.Stage stage,
                                  @RequestParam(required = false) String user,
                                  @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        programs.get(id);
        return audit.of(id).stream()
                .filter(record -> stage == null || record.stage() == stage)
                .filter(record -> user == null || user.equals(record.actor()) || user.equals(record.onBehalfOf()))
                .filter(record -> from == null || !record.recordedAt().isBefore(from))
                .filter(record -> to == null || record.recordedAt().isBefore(to))
                .toList();
    }

    @GetMapping("/api/programs/{id}/audit/verify")
    AuditTrail.Verification verify(@PathVariable long id) {
        programs.get(id);
        return audit.verify(id);
    }

    /**
     * The database against the latest signed checkpoint (kept outside it): catches a chain rewritten with
     * recomputed hashes, which the chain's own verification cannot.
     */
    @GetMapping("/api/audit/verify-checkpoint")
    AuditCheckpoints.CheckpointVerification verifyCheckpoint() {
        return checkpoints.verifyLatest();
    }

    /** Every programme's chain; the invalid ones first. */
    @GetMapping("/api/audit/verify")
    List<AuditTrail.Verification> verifyAll() {
        return audit.verifyAll();
    }
}
