package id.bimtek.registration;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an applicant (and staff) see of a registration; {@code nib} is empty when none was given,
 * {@code offerExpiresAt} only while a seat is offered.
 */
public record RegistrationView(Long id, Long programId, Long batchId, String batch, String reference, String nik,
                               String nib, String name, String businessName, String sector, String district,
                               RegistrationStatus status, Integer waitlistPosition, Instant registeredAt,
                               Integer attendancePercent, BigDecimal attendedHours, Boolean completed,
                               String certificateNumber, Instant offerExpiresAt) {

    /**
     * The registration as the office sees it: never its reference (the applicant's only proof), and the NIK
     * in full only for those who need it: staff, who check identities at delivery, and auditors, who check
     * that nobody took a seat twice (the audit trail holds it too). Heads see it masked.
     */
    public RegistrationView forOffice(boolean fullNik) {
        return new RegistrationView(id, programId, batchId, batch, null, fullNik ? nik : masked(nik), nib, name, businessName,
                sector, district, status, waitlistPosition, registeredAt, attendancePercent, attendedHours, completed,
                certificateNumber, offerExpiresAt);
    }

    /** 3671********0001: the region and the last digits, enough to tell two applicants apart. */
    static String masked(String nik) {
        return nik == null || nik.length() < 8 ? nik : nik.substring(0, 4) + "*".repeat(nik.length() - 8) + nik.substring(nik.length() - 4);
    }
}
