package id.bimtek.registration;

import id.bimtek.shared.ProblemException;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Applicants are not logged in: they prove a registration is theirs with its NIK and the reference they were given. */
final class RegistrationOwnership {

    record Owned(long registrationId, long batchId, String name) {
        /** How the audit trail names the registration: never by its reference, the applicant's secret. */
        String subject() {
            return "pendaftaran #" + registrationId + " " + name;
        }
    }

    private RegistrationOwnership() {
    }

    static Owned proven(JdbcTemplate jdbc, long programId, long registrationId, String nik, String reference) {
        Map<String, Object> registration = jdbc.queryForList("""
                select batch_id, nik, reference, name from registration where id = ? and program_id = ?""",
                registrationId, programId).stream().findFirst().orElse(null);
        // an unknown registration, a wrong NIK and a wrong reference get the same answer: none of them tells
        // a guesser which part was right
        boolean nikMatches = registration != null && nik != null && same(nik.trim(), (String) registration.get("nik"));
        boolean referenceMatches = registration != null && reference != null
                && same(reference.trim().toUpperCase(java.util.Locale.ROOT), (String) registration.get("reference"));
        if (!(nikMatches & referenceMatches)) {
            throw unmatched();
        }
        return new Owned(registrationId, ((Number) registration.get("batch_id")).longValue(), (String) registration.get("name"));
    }

    /** The registration of the programme with this NIK and reference (a NIK may also have withdrawn ones). */
    static long idOf(JdbcTemplate jdbc, long programId, String nik, String reference) {
        if (nik == null || reference == null) {
            throw unmatched();
        }
        return jdbc.queryForList("select id from registration where program_id = ? and nik = ? and reference = ?",
                Long.class, programId, nik.trim(), reference.trim().toUpperCase(java.util.Locale.ROOT)).stream()
                .findFirst().orElseThrow(RegistrationOwnership::unmatched);
    }

    private static ProblemException unmatched() {
        return new ProblemException(ProblemException.Kind.NOT_FOUND, "reference",
                "no registration matches this NIK and reference");
    }

    private static boolean same(String given, String stored) {
        return java.security.MessageDigest.isEqual(given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                stored.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
