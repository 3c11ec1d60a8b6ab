package id.bimtek.registration;

import java.util.List;

/**
 * What became of each row of an applicant import, and the totals. A row's {@code field} is the column as
 * the file's header names it; {@code rule} is the rule that decided (SEAT_AVAILABLE, BATCH_FULL, SELECTION for an
 * application to a programme that ranks after its deadline, or the refusing rule such as ONE_PLACE_PER_NIK
 * or SECTOR); an invalid row names no rule.
 */
public record ImportReport(long programId, int rows, Totals totals, List<RowResult> results) {

    public enum Outcome { REGISTERED, WAITLISTED, APPLIED, REFUSED, INVALID }

    public record Totals(long registered, long waitlisted, long applied, long refused, long invalid) {
    }

    /**
     * {@code nik} is masked: the report may be printed or forwarded, the row number identifies the applicant.
     * The reference is not in it: it is the applicant's, sent to their phone (ApplicantTexts).
     */
    public record RowResult(long row, String nik, Outcome outcome, String field, String rule, String message,
                            Long registrationId) {

        static RowResult placed(long row, RegistrationView registration) {
            String nik = maskNik(registration.nik());
            return switch (registration.status()) {
                case REGISTERED -> new RowResult(row, nik, Outcome.REGISTERED, null, "SEAT_AVAILABLE",
                        "a seat in " + registration.batch(), registration.id());
                case APPLIED -> new RowResult(row, nik, Outcome.APPLIED, null, "SELECTION", "application to "
                        + registration.batch() + " received; ranked with the others after the deadline", registration.id());
                default -> new RowResult(row, nik, Outcome.WAITLISTED, null, "BATCH_FULL", registration.batch()
                        + " is full; waitlist position " + registration.waitlistPosition(), registration.id());
            };
        }

        static RowResult refused(long row, String nik, String field, String rule, String message) {
            return new RowResult(row, maskNik(nik), Outcome.REFUSED, field, rule, message, null);
        }

        static RowResult invalid(long row, String nik, String field, String message) {
            return new RowResult(row, maskNik(nik), Outcome.INVALID, field, null, message, null);
        }
    }

    static ImportReport of(long programId, List<RowResult> results) {
        return new ImportReport(programId, results.size(), new Totals(count(results, Outcome.REGISTERED),
                count(results, Outcome.WAITLISTED), count(results, Outcome.APPLIED), count(results, Outcome.REFUSED), count(results, Outcome.INVALID)), results);
    }

    /** Area code and serial stay readable ({@code 367101******0001}), the date of birth does not. */
    static String maskNik(String nik) {
        if (nik == null || nik.isBlank()) {
            return null;
        }
        return nik.length() < 12 ? "*".repeat(nik.length())
                : nik.substring(0, 6) + "*".repeat(nik.length() - 10) + nik.substring(nik.length() - 4);
    }

    private static long count(List<RowResult> results, Outcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
