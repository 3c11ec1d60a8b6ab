package id.bimtek.registration;

import java.util.Arrays;
import java.util.Map;
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
    private final EligibilityTable table;

    Eligibility(JdbcTemplate jdbc, EligibilityTable table) {
        this.jdbc = jdbc;
        this.table = table;
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
        return table.decide(kind, region == null || request.nik().startsWith(region), sectorInTracks,
                secondsSince == null ? -1.0 : secondsSince / SECONDS_PER_YEAR);
    }
}
