package id.bimtek.registration;

import id.bimtek.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Submission keys (Idempotency-Key, the form's submission id) are kept only as hashes: they prove a sending. */
final class SubmissionKeys {

    static final String HEADER = "Idempotency-Key";

    private SubmissionKeys() {
    }

    /** The key's SHA-256, or null when none was sent. */
    static String hashOf(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() < 8 || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.invalid(HEADER, "an Idempotency-Key is 8 to 200 visible ASCII characters, e.g. a UUID");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
