package id.bimtek.registration;

import id.bimtek.proposal.BatchSchedule;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A batch's schedule changed before it starts: moved (sessions and all, by the proposal's owner) and its applicants
 * told, in one transaction, so nobody hears of a move that did not happen and no move goes untold.
 */
@Service
public class ScheduleChanges {

    public record Result(BatchSchedule.Move move, int told) {
    }

    private final BatchSchedule schedule;
    private final RegistrationService registrations;

    ScheduleChanges(BatchSchedule schedule, RegistrationService registrations) {
        this.schedule = schedule;
        this.registrations = registrations;
    }

    @Transactional
    public Result move(long programId, long batchId, LocalDate start, String venue, String reason, String actor) {
        BatchSchedule.Move move = schedule.move(programId, batchId, start, venue, reason, actor);
        int told = registrations.tellScheduleChanged(programId, batchId, move.start(), move.end(), move.venue(), reason.strip());
        return new Result(move, told);
    }
}
