package id.bimtek.followup;

import id.bimtek.shared.Wib;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.IsoDurations;
import id.bimtek.shared.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follow-up plans of graduates and the outcome indicators of the monitoring rounds. */
@Service
public class FollowUpService {

    private static final ZoneId JAKARTA = Wib.ZONE;

    private final JdbcTemplate jdbc;
    private final ProgramRepository programs;
    private final List<FollowUpKind> defaultItems;
    private final AuditTrail audit;

    public FollowUpService(JdbcTemplate jdbc, ProgramRepository programs,
                           @Value("${lifecycle.follow-up.default-items:MENTORING}") List<FollowUpKind> defaultItems,
                           AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.programs = programs;
        this.defaultItems = defaultItems;
    }

    /** Every graduate starts with the default plan (mentoring); staff add and update items from there. */
    @Transactional
    public void createPlans(long programId, String actor) {
        for (FollowUpKind kind : defaultItems) {
            jdbc.update("""
                    insert into follow_up_item (program_id, registration_id, kind, status, updated_by)
                    select program_id, id, ?, 'PLANNED', ? from registration where program_id = ? and completed
                    on conflict do nothing""", kind.name(), actor, programId);
        }
    }

    /** When each monitoring round is due: the programme's durations counted from its closing. */
    public List<String> roundDueDates(long programId) {
        Program program = programs.findById(programId).orElseThrow();
        ZonedDateTime closed = (program.getClosedAt() != null ? program.getClosedAt() : Instant.now()).atZone(JAKARTA);
        return program.getFollowUpRounds().stream()
                .map(duration -> IsoDurations.addTo(closed, duration).toInstant().truncatedTo(ChronoUnit.SECONDS).toString())
                .toList();
    }

    @Transactional
    public long addItem(long programId, long registrationId, FollowUpKind kind, FollowUpStatus status, String note, String user) {
        requireGraduate(programId, registrationId);
        try {
            Long id = jdbc.queryForObject("""
                    insert into follow_up_item (program_id, registration_id, kind, status, note, updated_by)
                    values (?, ?, ?, ?, ?, ?) returning id""", Long.class,
                    programId, registrationId, kind.name(), status.name(), note, user);
            audit.append(programId, AuditTrail.Stage.FOLLOW_UP, "FOLLOW_UP_ITEM_ADDED", user, null,
                    "registration " + registrationId, kind + " " + status, null,
                    Map.of("itemId", id, "kind", kind.name(), "status", status.name(), "note", note == null ? "" : note));
            return id;
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("kind", "the graduate already has a " + kind + " item");
        }
    }

    @Transactional
    public void updateItem(long programId, long itemId, FollowUpStatus status, String note, String user) {
        requireFollowUp(programId);
        int updated = jdbc.update("""
                update follow_up_item set status = ?, note = coalesce(?, note), updated_by = ?, updated_at = now()
                 where id = ? and program_id = ?""", status.name(), note, user, itemId, programId);
        if (updated == 0) {
            throw ProblemException.notFound("follow-up item " + itemId);
        }
        audit.append(programId, AuditTrail.Stage.FOLLOW_UP, "FOLLOW_UP_ITEM_UPDATED", user, null, "item " + itemId,
                String.valueOf(status), null, Map.of("itemId", itemId, "status", status.name(), "note", note == null ? "" : note));
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> items(long programId) {
        return jdbc.queryForList("""
                select i.id, i.registration_id as "registrationId", r.name, r.business_name as "businessName",
                       i.kind, i.status, i.note, i.updated_by as "updatedBy", i.updated_at as "updatedAt"
                  from follow_up_item i join registration r on r.id = i.registration_id
                 where i.program_id = ? order by i.registration_id, i.id""", programId);
    }

    @Transactional
    public long recordOutcome(long programId, long registrationId, int round, boolean businessActive,
                              BigDecimal monthlyRevenue, int employees, String user) {
        requireGraduate(programId, registrationId);
        int rounds = programs.findById(programId).orElseThrow().getFollowUpRounds().size();
        if (round < 1 || round > rounds) {
            throw ProblemException.invalid("round", "the programme has monitoring rounds 1 to " + rounds);
        }
        try {
            Long id = jdbc.queryForObject("""
                    insert into outcome (program_id, registration_id, round, business_active, monthly_revenue, employees, recorded_by)
                    values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                    programId, registrationId, round, businessActive, monthlyRevenue, employees, user);
            audit.append(programId, AuditTrail.Stage.FOLLOW_UP, "OUTCOME_RECORDED", user, null,
                    "registration " + registrationId + " round " + round,
                    (businessActive ? "active" : "inactive") + ", revenue " + monthlyRevenue.toPlainString() + ", employees " + employees,
                    null, Map.of("registrationId", registrationId, "round", round, "businessActive", businessActive,
                            "monthlyRevenue", monthlyRevenue.toPlainString(), "employees", employees));
            return id;
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("round", "the outcome of round " + round + " is already recorded for this graduate");
        }
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> outcomes(long programId) {
        return jdbc.queryForList("""
                select id, registration_id as "registrationId", round, business_active as "businessActive",
                       monthly_revenue as "monthlyRevenue", employees, recorded_by as "recordedBy", recorded_at as "recordedAt"
                  from outcome where program_id = ? order by round, registration_id""", programId);
    }

    private void requireFollowUp(long programId) {
        String status = jdbc.queryForList("select status from program where id = ?", String.class, programId)
                .stream().findFirst().orElseThrow(() -> ProblemException.notFound("programme " + programId));
        if (!status.equals("FOLLOW_UP")) {
            throw ProblemException.conflict("status", "follow-up is recorded while the programme is in FOLLOW_UP (it is " + status + ")");
        }
    }

    private void requireGraduate(long programId, long registrationId) {
        requireFollowUp(programId);
        Boolean completed = jdbc.queryForList("select completed from registration where id = ? and program_id = ?",
                Boolean.class, registrationId, programId).stream().findFirst()
                .orElseThrow(() -> ProblemException.invalid("registrationId", "registration " + registrationId + " is not in this programme"));
        if (!Boolean.TRUE.equals(completed)) {
            throw ProblemException.invalid("registrationId", "registration " + registrationId + " did not complete the programme");
        }
    }
}
