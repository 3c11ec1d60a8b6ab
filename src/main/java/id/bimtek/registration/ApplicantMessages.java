package id.bimtek.registration;

import id.bimtek.shared.ProblemException;
import java.util.Set;
import org.springframework.validation.BindingResult;

/**
 * Puts what the registration service objected to next to the field it names, in the applicant's
 * language: the service speaks English to the API, the pages look the same problem up in messages*.properties
 * and keep the service's words as the fallback.
 */
final class ApplicantMessages {

    private static final Set<String> FORM_FIELDS = Set.of("nik", "name", "businessName", "sector", "district", "phone", "batch");

    private ApplicantMessages() {
    }

    static void reject(ProblemException problem, RegistrationRequest request, BindingResult errors) {
        String field = problem.field();
        if ("nik".equals(field)) {
            String nik = request.nik();
            Nik.problemOf(nik).ifPresentOrElse(
                    kind -> errors.rejectValue(field, "nik.problem." + kind, nikArguments(kind, nik), problem.getMessage()),
                    () -> errors.rejectValue(field, "problem.nik", problem.getMessage()));
        } else if (FORM_FIELDS.contains(field)) {
            errors.rejectValue(field, "problem." + field, problem.getMessage());
        } else {
            // the programme's state (registration closed meanwhile) concerns the whole form
            errors.reject("problem." + (field == null ? "other" : field), problem.getMessage());
        }
    }

    private static Object[] nikArguments(Nik.Problem kind, String nik) {
        return switch (kind) {
            case PROVINCE -> new Object[] {nik.substring(0, 2)};
            case BIRTH_DATE -> new Object[] {nik.substring(6, 12)};
            default -> new Object[0];
        };
    }
}
