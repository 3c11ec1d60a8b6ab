package id.bimtek.followup;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramFacts;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.IsoDurations;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Rupiah;
import id.bimtek.shared.Wib;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follow-up plans of graduates and the outcome indicators of the monitoring rounds. */
@Service
public class FollowUpService {

    /** The form field, and process variable, that explains graduates left without an outcome in a round. */
    public static final String MISSING_OUTCOMES_REASON = "missingOutcomesReason";
    /** Rules that refuse an outcome or a round, named in the problem for pages to explain in their language. */
    public static final String ROUND_NOT_DUE = "ROUND_NOT_DUE";
    public static final String ROUND_RECORDED = "ROUND_RECORDED";
    public static final String MISSING_OUTCOMES = "MISSING_OUTCOMES";

    private static final ZoneId JAKARTA = Wib.ZONE;

    private final JdbcTemplate jdbc;
    private final ProgramFacts programFacts;
    private final ProgramRepository programs;
    private final List<FollowUpKind> defaultItems;
    private final AuditTrail audit;

    public FollowUpService(JdbcTemplate jdbc, ProgramFacts programFacts, ProgramRepository programs,
                           @Value("${lifecycle.follow-up.default-items:MENTORING}") List<FollowUpKind> defaultItems,
                           AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.programFacts = programFacts;
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
        ZonedDateTime closed = (program.getClosedAt() != null ? program.getClosedAt() : Wib.now()).atZone(JAKARTA);
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
            audit.append(programId, AuditTrail.Stage.FOLLOW_UP.entry("FOLLOW_UP_ITEM_ADDED", user)
                    .on("pendaftaran #" + registrationId)
                    .saying(kind.word() + ", " + status.word())
                    .changing(null,
                            Map.of("itemId", id, "kind", kind.name(), "status", status.name(), "note", note == null ? "" : note)));
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
        audit.append(programId, AuditTrail.Stage.FOLLOW_UP.entry("FOLLOW_UP_ITEM_UPDATED", user)
                .on("tindak lanjut #" + itemId)
                .saying("status menjadi " + status.word())
                .changing(null, Map.of("itemId", itemId, "status", status.name(), "note", note == null ? "" : note)));
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> items(long programId) {
        return jdbc.queryForList("""
                select i.id, i.registration_id as "registrationId", r.name, r.business_name as "businessName",
                       i.kind, i.status, i.note, i.updated_by as "updatedBy", i.updated_at as "updatedAt"
                  from follow_up_item i join registration r on r.id = i.registration_id
                 where i.program_id = ? order by i.registration_id, i.id""", programId);
    }

    /**
     * A graduate's outcome in a monitoring round that is due and not yet recorded; recording it again in that
     * round corrects it (who and when are kept, and the audit trail has both values).
     */
    @Transactional
    public long recordOutcome(long programId, long registrationId, int round, boolean businessActive,
                              BigDecimal monthlyRevenue, int employees, String user) {
        return recordOutcomes(programId, round,
                List.of(new OutcomeEntry(registrationId, businessActive, monthlyRevenue, employees)), user).get(0);
    }

    /** One graduate's outcome to record, as a page sends them. */
    public record OutcomeEntry(long registrationId, boolean businessActive, BigDecimal monthlyRevenue, int employees) {
    }

    /**
     * Several graduates' outcomes in one round: all are recorded, or none. The programme and the round are checked
     * once for all of them and their audit records appended together (the monitoring page sends a whole round).
     */
    @Transactional
    public List<Long> recordOutcomes(long programId, int round, List<OutcomeEntry> entries, String user) {
        requireFollowUp(programFacts.statusHeld(programId));
        requireGraduates(programId, entries.stream().map(OutcomeEntry::registrationId).toList());
        requireOpenRound(programId, round);
        Map<Long, Map<String, Object>> earlier = new HashMap<>();
        jdbc.queryForList("""
                select id, registration_id, business_active, monthly_revenue, employees from outcome
                 where round = ? and registration_id = any(?::bigint[])""", round,
                entries.stream().map(OutcomeEntry::registrationId).toArray(Long[]::new))
                .forEach(row -> earlier.put(((Number) row.get("registration_id")).longValue(), row));
        List<OutcomeEntry> first = entries.stream().filter(entry -> !earlier.containsKey(entry.registrationId())).toList();
        Map<Long, Long> inserted = insert(programId, round, first, user);
        List<Written> written = new ArrayList<>(entries.size());
        for (OutcomeEntry entry : entries) {
            Map<String, Object> before = earlier.get(entry.registrationId());
            written.add(before == null ? recorded(inserted.get(entry.registrationId()), round, entry, user)
                    : corrected(before, round, entry, user));
        }
        audit.appendAll(programId, written.stream().map(Written::record).toList());
        return written.stream().map(Written::id).toList();
    }

    /** An outcome's row and the audit record that says so. */
    private record Written(long id, AuditTrail.Entry record) {
    }

    /** A round's first outcomes, in one statement: a monitoring page of a thousand graduates is one round trip. */
    private Map<Long, Long> insert(long programId, int round, List<OutcomeEntry> entries, String user) {
        Map<Long, Long> ids = new HashMap<>();
        if (!entries.isEmpty()) {
            jdbc.query("""
                    insert into outcome (program_id, registration_id, round, business_active, monthly_revenue, employees, recorded_by)
                    select ?, e.registration_id, ?, e.business_active, e.monthly_revenue, e.employees, ?
                      from unnest(?::bigint[], ?::boolean[], ?::numeric[], ?::int[])
                           as e(registration_id, business_active, monthly_revenue, employees)
                    returning id, registration_id""", rs -> {
                        ids.put(rs.getLong("registration_id"), rs.getLong("id"));
                    }, programId, round, user,
                    entries.stream().map(OutcomeEntry::registrationId).toArray(Long[]::new),
                    entries.stream().map(OutcomeEntry::businessActive).toArray(Boolean[]::new),
                    entries.stream().map(OutcomeEntry::monthlyRevenue).toArray(BigDecimal[]::new),
                    entries.stream().map(OutcomeEntry::employees).toArray(Integer[]::new));
        }
        return ids;
    }

    private static Written recorded(long id, int round, OutcomeEntry entry, String user) {
        return new Written(id, AuditTrail.Stage.FOLLOW_UP.entry("OUTCOME_RECORDED", user)
                .on("pendaftaran #" + entry.registrationId() + " putaran " + round)
                .saying(inWords(entry))
                .changing(null, valueOf(round, entry)));
    }

    private Written corrected(Map<String, Object> earlier, int round, OutcomeEntry entry, String user) {
        long id = ((Number) earlier.get("id")).longValue();
        jdbc.update("""
                update outcome set business_active = ?, monthly_revenue = ?, employees = ?, corrected_by = ?, corrected_at = now()
                 where id = ?""", entry.businessActive(), entry.monthlyRevenue(), entry.employees(), user, id);
        return new Written(id, AuditTrail.Stage.FOLLOW_UP.entry("OUTCOME_CORRECTED", user)
                .on("pendaftaran #" + entry.registrationId() + " putaran " + round)
                .saying(inWords(entry))
                .changing(Map.of("businessActive", earlier.get("business_active"),
                        "monthlyRevenue", ((BigDecimal) earlier.get("monthly_revenue")).toPlainString(),
                        "employees", earlier.get("employees")), valueOf(round, entry)));
    }

    private static Map<String, Object> valueOf(int round, OutcomeEntry entry) {
        return Map.of("registrationId", entry.registrationId(), "round", round,
                "businessActive", entry.businessActive(), "monthlyRevenue", entry.monthlyRevenue().toPlainString(),
                "employees", entry.employees());
    }

    private static String inWords(OutcomeEntry entry) {
        return (entry.businessActive() ? "usaha aktif" : "usaha tidak aktif") + ", omzet sebulan "
                + Rupiah.toTheCent(entry.monthlyRevenue()) + ", " + entry.employees() + " orang bekerja";
    }

    /** A graduate and their outcome in a round (null fields while none is recorded). */
    public record GraduateOutcome(long registrationId, String name, String business, String district, Boolean businessActive,
                                  BigDecimal monthlyRevenue, Integer employees, String correctedBy) {
    }

    @Transactional(readOnly = true)
    public List<GraduateOutcome> graduateOutcomes(long programId, int round) {
        return jdbc.query("""
                select r.id, r.name, r.business_name, r.district, o.business_active, o.monthly_revenue, o.employees, o.corrected_by
                  from registration r left join outcome o on o.registration_id = r.id and o.round = ?
                 where r.program_id = ? and r.completed order by r.name, r.id""", (rs, i) -> new GraduateOutcome(
                rs.getLong("id"), rs.getString("name"), rs.getString("business_name"), rs.getString("district"),
                (Boolean) rs.getObject("business_active"), rs.getBigDecimal("monthly_revenue"),
                (Integer) rs.getObject("employees"), rs.getString("corrected_by")), round, programId);
    }

    /** The monitoring round whose outcomes are being recorded now: the first not yet recorded, once it is due. */
    @Transactional(readOnly = true)
    public OptionalInt openRound(long programId) {
        int next = nextRound(programId);
        List<String> due = roundDueDates(programId);
        if (next > due.size() || Instant.parse(due.get(next - 1)).isAfter(Wib.now())) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(next);
    }

    /** How many rounds the programme has, and which of them are recorded. */
    public record RoundState(int round, Instant due, boolean recorded, String recordedBy, Instant recordedAt,
                             Integer graduates, Integer outcomes, String missingReason) {
    }

    @Transactional(readOnly = true)
    public List<RoundState> rounds(long programId) {
        Map<Integer, Map<String, Object>> recorded = new java.util.HashMap<>();
        jdbc.queryForList("select * from monitoring_round where program_id = ?", programId)
                .forEach(row -> recorded.put(((Number) row.get("round")).intValue(), row));
        List<String> due = roundDueDates(programId);
        List<RoundState> rounds = new java.util.ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Map<String, Object> row = recorded.get(i + 1);
            rounds.add(row == null ? new RoundState(i + 1, Instant.parse(due.get(i)), false, null, null, null, null, null)
                    : new RoundState(i + 1, Instant.parse(due.get(i)), true, (String) row.get("recorded_by"),
                    ((java.sql.Timestamp) row.get("recorded_at")).toInstant(), (Integer) row.get("graduates"),
                    (Integer) row.get("recorded"), (String) row.get("missing_reason")));
        }
        return rounds;
    }

    /** The graduates who have no outcome in the round. */
    @Transactional(readOnly = true)
    public List<Long> missingOutcomes(long programId, int round) {
        return jdbc.queryForList("""
                select r.id from registration r
                 where r.program_id = ? and r.completed
                   and not exists (select 1 from outcome o where o.registration_id = r.id and o.round = ?)
                 order by r.id""", Long.class, programId, round);
    }

    /**
     * Records the open round: its outcomes are final from then on. Graduates without an outcome need a reason.
     * Returns the round recorded.
     */
    @Transactional
    public int recordRound(long programId, String reason, String user) {
        String missingReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (missingReason != null && missingReason.length() > 1000) {
            throw ProblemException.invalid(MISSING_OUTCOMES_REASON, "the reason must be at most 1000 characters")
                    .because("REASON_TOO_LONG");
        }
        programFacts.holdForUpdate(programId);
        int round = openRound(programId).orElseThrow(() -> new ProblemException(ProblemException.Kind.CONFLICT, "round",
                "no monitoring round is due now", ROUND_NOT_DUE));
        List<Long> missing = missingOutcomes(programId, round);
        int graduates = jdbc.queryForObject("select count(*) from registration where program_id = ? and completed",
                Integer.class, programId);
        if (!missing.isEmpty() && missingReason == null) {
            throw new ProblemException(ProblemException.Kind.CONFLICT, MISSING_OUTCOMES_REASON, missing.size() + " of " + graduates
                    + " graduates have no outcome in round " + round
                    + ": record them, or give the reason", MISSING_OUTCOMES);
        }
        jdbc.update("""
                insert into monitoring_round (program_id, round, graduates, recorded, missing_reason, recorded_by)
                values (?, ?, ?, ?, ?, ?)""", programId, round, graduates, graduates - missing.size(),
                missing.isEmpty() ? null : missingReason, user);
        audit.append(programId, AuditTrail.Stage.FOLLOW_UP.entry("MONITORING_ROUND_RECORDED", user)
                .on("putaran " + round)
                .saying("hasil " + (graduates - missing.size()) + " dari " + graduates + " lulusan dicatat"
                        + (missing.isEmpty() ? "" : "; alasan yang belum: " + missingReason))
                .changing(null, Map.of("round", round, "graduates", graduates, "missing", missing,
                        "reason", missing.isEmpty() ? "" : missingReason)));
        return round;
    }

    private int nextRound(long programId) {
        return jdbc.queryForObject("select coalesce(max(round), 0) + 1 from monitoring_round where program_id = ?",
                Integer.class, programId);
    }

    private void requireOpenRound(long programId, int round) {
        int rounds = programs.findById(programId).orElseThrow().getFollowUpRounds().size();
        if (round < 1 || round > rounds) {
            throw ProblemException.invalid("round", "the programme has monitoring rounds 1 to " + rounds).because("NO_SUCH_ROUND", rounds);
        }
        if (round < nextRound(programId)) {
            throw new ProblemException(ProblemException.Kind.CONFLICT, "round", "round " + round
                    + " is recorded; its outcomes are final", ROUND_RECORDED);
        }
        if (openRound(programId).stream().noneMatch(open -> open == round)) {
            throw new ProblemException(ProblemException.Kind.CONFLICT, "round", "round " + round + " is due on "
                    + roundDueDates(programId).get(round - 1) + "; its outcomes are recorded from then on", ROUND_NOT_DUE);
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
        requireFollowUp(programFacts.status(programId));
    }

    private static void requireFollowUp(ProgramStatus status) {
        if (status != ProgramStatus.FOLLOW_UP) {
            throw ProblemException.conflict("status", "follow-up is recorded while the programme is in FOLLOW_UP (it is " + status + ")")
                    .because("NOT_IN_FOLLOW_UP");
        }
    }

    private void requireGraduate(long programId, long registrationId) {
        requireFollowUp(programId);
        requireGraduates(programId, List.of(registrationId));
    }

    /** Each of the registrations is the programme's and completed it; the first that is not is named. */
    private void requireGraduates(long programId, List<Long> registrationIds) {
        Map<Long, Boolean> completed = new HashMap<>();
        jdbc.query("select id, completed from registration where program_id = ? and id = any(?)",
                rs -> {
                    completed.put(rs.getLong("id"), rs.getBoolean("completed"));
                }, programId, registrationIds.toArray(Long[]::new));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (long registrationId : registrationIds) {
            if (!seen.add(registrationId)) {
                throw ProblemException.invalid("registrationId", "registration " + registrationId + " is given twice")
                        .because("GRADUATE_TWICE");
            }
            if (!completed.containsKey(registrationId)) {
                throw ProblemException.invalid("registrationId", "registration " + registrationId + " is not in this programme")
                        .because("NOT_A_GRADUATE");
            }
            if (!completed.get(registrationId)) {
                throw ProblemException.invalid("registrationId", "registration " + registrationId + " did not complete the programme")
                        .because("NOT_A_GRADUATE");
            }
        }
    }
}
