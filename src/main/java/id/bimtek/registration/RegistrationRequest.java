package id.bimtek.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An applicant's registration: the body of {@code POST /api/programs/{id}/registrations}, or one row of a
 * staff import. The NIB (Nomor Induk Berusaha) is optional; an empty one counts as not given. The business
 * scale is optional too; programmes allocated by selection may rank micro businesses first. Monthly revenue (Rp)
 * and the number of people working in the business are optional: the baseline monitoring rounds are set against.
 * So is an e-mail address: the applicant's messages go there too.
 */
public record RegistrationRequest(
        @NotBlank @Pattern(regexp = "\\d{16}", message = "must be the 16 digits of the NIK") String nik,
        @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = NO_CONTROLS) String name,
        @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = NO_CONTROLS) String businessName,
        @NotBlank @Size(max = 40) @Pattern(regexp = TEXT, message = NO_CONTROLS) String sector,
        @NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = NO_CONTROLS) String district,
        @NotBlank @Pattern(regexp = "\\+?\\d{8,15}", message = "must be a phone number of 8 to 15 digits") String phone,
        @NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = NO_CONTROLS) String batch,
        @Pattern(regexp = "\\d{13}", message = "must be the 13 digits of the NIB") String nib,
        BusinessScale businessScale,
        @PositiveOrZero @Max(value = 1_000_000_000_000L, message = "must be at most Rp 1.000.000.000.000") Long monthlyRevenue,
        @PositiveOrZero @Max(value = 100_000, message = "must be at most 100000") Integer employees,
        @Email(message = "must be an e-mail address") @Size(max = 254) String email) {

    /** Text without control characters: a NUL would be refused by PostgreSQL only when the row is written. */
    static final String TEXT = "[^\\p{Cntrl}]*";
    static final String NO_CONTROLS = "must not contain control characters";

    public RegistrationRequest {
        if (nib != null && nib.isBlank()) {
            nib = null;
        }
        email = email == null || email.isBlank() ? null : email.strip();
    }

    /** An applicant without a NIB (many micro businesses have none yet). */
    public RegistrationRequest(String nik, String name, String businessName, String sector, String district, String phone,
                               String batch) {
        this(nik, name, businessName, sector, district, phone, batch, null, null, null, null, null);
    }

    /** An applicant who does not say the size of the business (it only matters for ranked programmes). */
    public RegistrationRequest(String nik, String name, String businessName, String sector, String district, String phone,
                               String batch, String nib) {
        this(nik, name, businessName, sector, district, phone, batch, nib, null);
    }

    /** An applicant who does not say where the business stands today (revenue, people working in it). */
    public RegistrationRequest(String nik, String name, String businessName, String sector, String district, String phone,
                               String batch, String nib, BusinessScale businessScale) {
        this(nik, name, businessName, sector, district, phone, batch, nib, businessScale, null, null, null);
    }
}
