package id.bimtek.proposal;

import id.bimtek.shared.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the other stages read of a programme, so that only this package reads its table: its status (under a share
 * lock where the caller's change must not cross a status change) and the few settings they decide by. Plain reads,
 * not the entity: they run inside the stages' own statements' transactions, often under their row locks.
 */
@Service
public class ProgramFacts {

    /** The settings a registration decides by. */
    public record Settings(String title, String kind, AllocationMode allocationMode, String seatOfferTime) {
    }

    private final JdbcTemplate jdbc;

    ProgramFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Its status now; not found when there is no such programme. */
    @Transactional(readOnly = true)
    public ProgramStatus status(long programId) {
        return status(programId, "");
    }

    /**
     * Its status, holding the programme's row against status changes until the caller's transaction ends (a share
     * lock: the stage's own changes of the same programme do not wait for each other).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ProgramStatus statusHeld(long programId) {
        return status(programId, " for share");
    }

    /** Holds the programme's row for a change of the caller's that a status change must wait for, or see. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdForUpdate(long programId) {
        status(programId, " for update");
    }

    @Transactional(readOnly = true)
    public Settings settings(long programId) {
        return jdbc.query("select title, kind, allocation_mode, seat_offer_time from program where id = ?",
                (rs, row) -> new Settings(rs.getString("title"), rs.getString("kind"),
                        AllocationMode.valueOf(rs.getString("allocation_mode")), rs.getString("seat_offer_time")), programId)
                .stream().findFirst().orElseThrow(() -> ProblemException.notFound("programme " + programId));
    }

    private ProgramStatus status(long programId, String lock) {
        return jdbc.queryForList("select status from program where id = ?" + lock, String.class, programId).stream()
                .findFirst().map(ProgramStatus::valueOf)
                .orElseThrow(() -> ProblemException.notFound("programme " + programId));
    }
}
