package id.bimtek.registration;

import id.bimtek.shared.ProblemException;
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

    /**
     * The verdict for an applicant to a programme open for registration; a programme that is not open (or
     * unknown) is a 409 (404) before any rule is looked at.
     */
    Verdict of(long programId, RegistrationRequest request) {
        // one round trip: the programme's status and facts, and the applicant's latest completion of the same kind
        Map<String, Object> program = jdbc.queryForList("""
                select p.status, p.kind, p.region_code, p.tracks,
                       (select extract(epoch from now() - max(earlier.closed_at))
                          from registration r join program earlier on earlier.id = r.program_id
                         where r.nik = ? and r.completed and earlier.kind = p.kind and earlier.id <> p.id) as seconds_since
                  from program p where p.id = ?""", request.nik(), programId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("programme " + programId));
        if (!"REGISTRATION_OPEN".equals(program.get("status"))) {
            throw ProblemException.conflict("status", "registration for this programme is not open (programme is "
                    + program.get("status") + ")");
        }
        String kind = (String) program.get("kind");
        String region = (String) program.get("region_code");
        boolean sectorInTracks = Arrays.stream(((String) program.get("tracks")).split(","))
                .anyMatch(track -> track.trim().equalsIgnoreCase(request.sector().trim()));
        Number secondsSince = (Number) program.get("seconds_since");
        double years = secondsSince == null ? -1.0 : secondsSince.doubleValue() / SECONDS_PER_YEAR;
        Map<String, Object> verdict = table.evaluate(Map.of("programKind", kind,
                "domicileInRegion", region == null || request.nik().startsWith(region), "sectorInTracks", sectorInTracks,
                "yearsSinceCompletion", years), years < 0);
        return new Verdict(Boolean.TRUE.equals(verdict.get("eligible")), (String) verdict.get("rule"),
                (String) verdict.get("reason"));
    }
}
