package id.bimtek.proposal;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A batch moved after approval (the venue is unavailable, a holiday was declared): the whole batch shifts, its
 * sessions with it, before it starts. The audit trail keeps the old and new dates and place with the reason; the
 * caller tells the batch's applicants in the same transaction.
 */
@Service
public class BatchSchedule {

    /** Approved and not over: registration open or closed, or in delivery (for a batch that has not started). */
    private static final Set<ProgramStatus> MOVABLE = EnumSet.of(ProgramStatus.REGISTRATION_OPEN,
            ProgramStatus.REGISTRATION_CLOSED, ProgramStatus.IN_DELIVERY);

    public record Move(long batchId, String batch, LocalDate oldStart, LocalDate oldEnd, String oldVenue,
                       LocalDate start, LocalDate end, String venue) {
    }

    private final ProgramRepository programs;
    private final AuditTrail audit;

    BatchSchedule(ProgramRepository programs, AuditTrail audit) {
        this.programs = programs;
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Move move(long programId, long batchId, LocalDate start, String venue, String reason, String actor) {
        Program program = programs.lockById(programId).orElseThrow(() -> ProblemException.notFound("programme " + programId));
        Batch batch = program.getBatches().stream().filter(b -> b.getId() == batchId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("batch " + batchId + " of programme " + programId));
        if (!MOVABLE.contains(program.getStatus())) {
            throw new ProblemException(ProblemException.Kind.CONFLICT, "status", "a programme in status "
                    + program.getStatus() + " has no schedule to move", "SCHEDULE_NOT_MOVABLE");
        }
        LocalDate today = Wib.today();
        if (batch.isDelivered() || !batch.getStartDate().isAfter(today)) {
            throw new ProblemException(ProblemException.Kind.CONFLICT, "batch", batch.getName()
                    + " has started (" + batch.getStartDate() + "): its schedule stays as it was held", "BATCH_STARTED");
        }
        if (start == null || !start.isAfter(today)) {
            throw new ProblemException(ProblemException.Kind.INVALID, "mulai",
                    "the new start must be after today (" + today + ")", "START_NOT_AHEAD");
        }
        LocalDate closes = program.getRegistrationDeadline().atZone(Wib.ZONE).toLocalDate();
        if (start.isBefore(closes)) {
            throw new ProblemException(ProblemException.Kind.INVALID, "mulai", "the new start " + start
                    + " is before registration closes (" + closes + ")", "START_BEFORE_REGISTRATION_CLOSES");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw ProblemException.invalid("alasan", "a reason of at most 1000 characters is required").because("REASON_REQUIRED");
        }
        Map<String, Object> before = schedule(batch);
        LocalDate oldStart = batch.getStartDate();
        LocalDate oldEnd = batch.getEndDate();
        String oldVenue = batch.getVenue();
        batch.moveTo(start, venue);
        if (before.equals(schedule(batch))) {
            throw new ProblemException(ProblemException.Kind.INVALID, "mulai",
                    "the new start and place are the batch's current ones", "SCHEDULE_UNCHANGED");
        }
        audit.append(programId, AuditTrail.Stage.DELIVERY.entry("SCHEDULE_CHANGED", actor)
                .on(batch.getName())
                .saying(reason.strip())
                .changing(before, schedule(batch)));
        return new Move(batchId, batch.getName(), oldStart, oldEnd, oldVenue, batch.getStartDate(), batch.getEndDate(),
                batch.getVenue());
    }

    private static Map<String, Object> schedule(Batch batch) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("startDate", batch.getStartDate().toString());
        schedule.put("endDate", batch.getEndDate().toString());
        schedule.put("venue", batch.getVenue());
        return schedule;
    }
}
