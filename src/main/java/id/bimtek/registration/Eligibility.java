package id.bimtek.registration;

import id.bimtek.shared.Wib;
import id.bimtek.workflow.DeployedDecision;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether an applicant may register, decided by the DMN table {@code bpmn/registration-eligibility.dmn}
 * (per programme kind, changeable without code). This class only gathers the facts the table decides
 * on: domicile by the NIK's area code, the business sector against the tracks of the batch applied to, and
 * how long ago the applicant completed a programme of the same kind, across all programmes in the system.
 */
@Component
public class Eligibility {

    public record Verdict(boolean eligible, String rule, String reason) {
    }

    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    private final JdbcTemplate jdbc;
    private final DeployedDecision table;

    Eligibility(JdbcTemplate jdbc, DeployedDecision.Tables tables) {
        this.jdbc = jdbc;
        this.table = tables.named("registration-eligibility");
    }

    /**
     * The verdicts for applicants to one programme, in their order: three queries however many there are
     * (the programme's facts, its batches' tracks, and the applicants' latest completions of a programme of the
     * same kind, here or in the earlier lists of {@link EarlierParticipations}).
     */
    List<Verdict> of(long programId, List<RegistrationRequest> applicants) {
        Map<String, Object> program = jdbc.queryForMap("select kind, region_code, tracks from program where id = ?",
                programId);
        String kind = (String) program.get("kind");
        String region = (String) program.get("region_code");
        List<String> programTracks = codes((String) program.get("tracks"));
        // the sector is checked against the tracks of the batch applied to; an unknown batch is refused later
        Map<String, List<String>> batchTracks = new HashMap<>();
        jdbc.query("select name, tracks from batch where program_id = ?",
                rs -> {
                    batchTracks.put(rs.getString("name"), codes(rs.getString("tracks")));
                }, programId);
        Map<String, Double> secondsSinceCompletion = new HashMap<>();
        String[] niks = applicants.stream().map(RegistrationRequest::nik).toArray(String[]::new);
        jdbc.query("select nik, extract(epoch from ?::timestamptz - max(completed_at)) as seconds_since from ("
                + EarlierParticipations.COMPLETIONS_OF_NIKS + """
                ) completion
                 where kind = ? and (program_id is null or program_id <> ?)
                 group by nik""", rs -> {
            secondsSinceCompletion.put(rs.getString("nik"), rs.getDouble("seconds_since"));
        }, Wib.sqlNow(), niks, niks, kind, programId);
        return applicants.stream().map(applicant -> {
            Double secondsSince = secondsSinceCompletion.get(applicant.nik());
            double years = secondsSince == null ? -1.0 : secondsSince / SECONDS_PER_YEAR;
            Map<String, Object> verdict = table.evaluate(Map.of("programKind", kind,
                    "domicileInRegion", region == null || applicant.nik().startsWith(region),
                    "sectorInTracks", batchTracks.getOrDefault(applicant.batch().trim(), programTracks).stream()
                            .anyMatch(track -> track.equalsIgnoreCase(applicant.sector().trim())),
                    "yearsSinceCompletion", years), years < 0);
            return new Verdict(Boolean.TRUE.equals(verdict.get("eligible")), (String) verdict.get("rule"),
                    (String) verdict.get("reason"));
        }).toList();
    }

    private static List<String> codes(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
    }
}
