package id.bimtek.registration;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether an applicant may register, decided by the DMN table {@code bpmn/registration-eligibility.dmn}
 * (per programme kind, changeable without code). This class only gathers the facts the table decides
 * on: domicile by the NIK's area code, the business sector against the tracks, and how long ago the
 * applicant completed a programme of the same kind, across all programmes in the system.
 */
@Component
public class Eligibility {

    public record Verdict(boolean eligible, String rule, String reason) {
    }

    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    private final JdbcTemplate jdbc;
    private final DeployedDecision table;

    Eligibility(JdbcTemplate jdbc, RepositoryService repository) {
        this.jdbc = jdbc;
        this.table = new DeployedDecision(repository, "registration-eligibility");
    }

    Verdict of(long programId, RegistrationRequest request) {
        Map<String, Object> program = jdbc.queryForMap("select kind, region_code, tracks from program where id = ?", programId);
        String kind = (String) program.get("kind");
        String region = (String) program.get("region_code");
        boolean sectorInTracks = Arrays.stream(((String) program.get("tracks")).split(","))
                .anyMatch(track -> track.trim().equalsIgnoreCase(request.sector().trim()));
        Double secondsSince = jdbc.queryForObject("""
                select extract(epoch from now() - max(p.closed_at))
                  from registration r join program p on p.id = r.program_id
                 where r.nik = ? and r.completed and p.kind = ? and p.id <> ?""", Double.class,
                request.nik(), kind, programId);
        double years = secondsSince == null ? -1.0 : secondsSince / SECONDS_PER_YEAR;
        Map<String, Object> verdict = table.evaluate(Map.of("programKind", kind,
                "domicileInRegion", region == null || request.nik().startsWith(region), "sectorInTracks", sectorInTracks,
                "yearsSinceCompletion", years), years < 0);
        return new Verdict(Boolean.TRUE.equals(verdict.get("eligible")), (String) verdict.get("rule"),
                (String) verdict.get("reason"));
    }
}
