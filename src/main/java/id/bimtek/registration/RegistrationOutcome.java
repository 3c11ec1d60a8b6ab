package id.bimtek.registration;

import java.io.Serializable;

/**
 * The answer an applicant gets on the spot, carried across the redirect after the POST (in the
 * session, never in the URL). It holds no NIK.
 */
public record RegistrationOutcome(Kind kind, String programTitle, String batch, String reference,
                                  Integer waitlistPosition, String rule, String detail) implements Serializable {

    public enum Kind {
        REGISTERED, WAITLISTED, APPLIED, REFUSED
    }

    static RegistrationOutcome of(String programTitle, RegistrationView registration) {
        Kind kind = switch (registration.status()) {
            case REGISTERED -> Kind.REGISTERED;
            case APPLIED -> Kind.APPLIED;
            default -> Kind.WAITLISTED;
        };
        return new RegistrationOutcome(kind, programTitle, registration.batch(), registration.reference(),
                registration.waitlistPosition(), null, null);
    }

    static RegistrationOutcome refused(String programTitle, String batch, String rule, String detail) {
        return new RegistrationOutcome(Kind.REFUSED, programTitle, batch, null, null, rule, detail);
    }
}
