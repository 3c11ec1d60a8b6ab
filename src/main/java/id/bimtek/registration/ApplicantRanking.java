package id.bimtek.registration;

import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.ProgramFacts;
import id.bimtek.workflow.DeployedDecision;
import id.bimtek.audit.AuditTrail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocation by selection: after the deadline every application is given points by the DMN table
 * {@code bpmn/registration-ranking.dmn} (first-time participants, micro businesses...) and ranked within
 * its batch, more points first and, among equals, the earlier application first (the date on an imported
 * paper form, or the moment of registering). The ranking only
 * proposes: staff review it in the task "Confirm participant list", and applicants learn the outcome when
 * the list is confirmed ({@link RegistrationService#confirmParticipants}).
 */
@Service
public class ApplicantRanking {

    /** One ranked application, as staff review it. */
    public record Ranked(long registrationId, String name, String batch, int quota, int points,
                        int rank, boolean firstTime, String businessScale) {

        public boolean withinQuota() {
            return rank <= quota;
        }
    }

    /** Never completed a programme: neither here nor on an agency's earlier list ({@link EarlierParticipations}). */
    private static final String FIRST_TIME = """
            not exists (select 1 from registration earlier
                         where earlier.nik = r.nik and earlier.completed and earlier.program_id <> r.program_id)
            and not exists (select 1 from earlier_participation listed where listed.nik = r.nik)""";

    private final JdbcTemplate jdbc;
    private final ProgramFacts programFacts;
    private final AuditTrail audit;
    private final DeployedDecision table;

    ApplicantRanking(JdbcTemplate jdbc, ProgramFacts programFacts, AuditTrail audit, DeployedDecision.Tables tables) {
        this.jdbc = jdbc;
        this.programFacts = programFacts;
        this.audit = audit;
        this.table = tables.named("registration-ranking");
    }

    /**
     * Ranks every application of a programme allocated by selection; returns how many were ranked. A
     * programme allocated first come, first served has nothing to rank: its seats went in order of registration.
     */
    @Transactional
    public int rank(long programId, String actor) {
        ProgramFacts.Settings program = programFacts.settings(programId);
        if (program.allocationMode() != AllocationMode.SELECTION) {
            return 0;
        }
        String kind = program.kind();
        List<Object[]> updates = new ArrayList<>();
        Map<Long, List<Object[]>> byBatch = new LinkedHashMap<>();
        // in order of application: the sort below is stable, so among equal points the earlier application stays first
        jdbc.query("""
                select r.id, r.batch_id, r.business_scale,
                       """ + FIRST_TIME + """
                           as first_time
                  from registration r
                 where r.program_id = ? and r.status = 'APPLIED'
                 order by r.applied_at, r.id""", rs -> {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("programKind", kind);
            inputs.put("firstTimeParticipant", rs.getBoolean("first_time"));
            inputs.put("businessScale", rs.getString("business_scale"));
            Number points = (Number) table.evaluate(inputs, true).get("points");
            byBatch.computeIfAbsent(rs.getLong("batch_id"), batch -> new ArrayList<>())
                    .add(new Object[] {points == null ? 0 : points.intValue(), rs.getLong("id")});
        }, programId);
        Map<String, Object> perBatch = new LinkedHashMap<>();
        byBatch.forEach((batchId, applications) -> {
            // more points first
            applications.sort(Comparator.comparingInt(a -> -(int) a[0]));
            for (int i = 0; i < applications.size(); i++) {
                updates.add(new Object[] {applications.get(i)[0], i + 1, applications.get(i)[1]});
            }
            perBatch.put(String.valueOf(batchId), applications.size());
        });
        jdbc.batchUpdate("update registration set rank_points = ?, rank_in_batch = ? where id = ?", updates);
        audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("APPLICATIONS_RANKED", actor)
                .saying(updates.size() + " lamaran diperingkat menurut tabel peringkat pendaftaran;"
                        + " staf memeriksa daftarnya")
                .changing(null, Map.of("ranked", updates.size(), "applicationsPerBatch", perBatch)));
        return updates.size();
    }

    /** The ranked list of a programme, batch by batch, best first. */
    @Transactional(readOnly = true)
    public List<Ranked> of(long programId) {
        return jdbc.query("""
                select r.id, r.name, b.name as batch, b.quota, r.rank_points, r.rank_in_batch,
                       r.business_scale,
                       """ + FIRST_TIME + """
                           as first_time
                  from registration r join batch b on b.id = r.batch_id
                 where r.program_id = ? and r.rank_in_batch is not null and r.status in ('APPLIED', 'CONFIRMED', 'NOT_SELECTED')
                 order by b.position, r.rank_in_batch""", (rs, row) -> new Ranked(rs.getLong("id"),
                rs.getString("name"), rs.getString("batch"), rs.getInt("quota"), rs.getInt("rank_points"),
                rs.getInt("rank_in_batch"), rs.getBoolean("first_time"), rs.getString("business_scale")), programId);
    }
}
