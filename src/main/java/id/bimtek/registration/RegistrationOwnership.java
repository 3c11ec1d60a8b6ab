package id.bimtek.registration;

import id.bimtek.shared.ProblemException;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Applicants are not logged in: they prove a registration is theirs with its NIK and the reference they were given. */
final class RegistrationOwnership {

    record Owned(long registrationId, long batchId, String reference, String name) {
    }

    private RegistrationOwnership() {
    }

    static Owned proven(JdbcTemplate jdbc, long programId, long registrationId, String nik, String reference) {
        Map<String, Object> registration = jdbc.queryForList("""
                select batch_id, nik, reference, name from registration where id = ? and program_id = ?""",
                registrationId, programId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("registration " + registrationId));
        if (nik == null || !nik.equals(registration.get("nik"))) {
            throw ProblemException.invalid("nik", "the NIK does not match the registration");
        }
        if (reference == null || !reference.trim().equalsIgnoreCase((String) registration.get("reference"))) {
            throw ProblemException.invalid("reference", "the reference does not match the registration");
        }
        return new Owned(registrationId, ((Number) registration.get("batch_id")).longValue(),
                (String) registration.get("reference"), (String) registration.get("name"));
    }
}
