package id.bimtek.registration;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The structure of an Indonesian national identity number (NIK, 16 digits): province (2), regency or
 * city (2) and district (2) of the Kemendagri area code, date of birth as DDMMYY with 40 added to the
 * day for women, and a serial number. Only the structure is checked here; whether a NIK exists is the
 * civil registry's (Dukcapil) to answer.
 */
final class Nik {

    /** Kemendagri province codes, Aceh (11) to Papua Barat Daya (96). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
            "31", "32", "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74",
            "75", "76", "81", "82", "91", "92", "93", "94", "95", "96");

    private Nik() {
    }

    /** Why the NIK is not well-formed, or empty when it is. */
    static Optional<String> problemWith(String nik) {
        if (nik == null || !nik.matches("\\d{16}")) {
            return Optional.of("a NIK has 16 digits");
        }
        if (!PROVINCES.contains(nik.substring(0, 2))) {
            return Optional.of("the NIK starts with " + nik.substring(0, 2) + ", which is not a province code");
        }
        if (nik.startsWith("00", 2) || nik.startsWith("00", 4)) {
            return Optional.of("the NIK's regency and district codes cannot be 00");
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int year = Integer.parseInt(nik.substring(10, 12));
        int dayOfMonth = day > 40 ? day - 40 : day;
        try {
            // the century is not in the NIK: a date valid in either century is accepted
            LocalDate.of(2000 + year, month, dayOfMonth);
        } catch (DateTimeException e) {
            try {
                LocalDate.of(1900 + year, month, dayOfMonth);
            } catch (DateTimeException again) {
                return Optional.of("the NIK's date of birth " + nik.substring(6, 12) + " is not a date (DDMMYY, +40 for women)");
            }
        }
        if (nik.endsWith("0000")) {
            return Optional.of("the NIK's serial number cannot be 0000");
        }
        return Optional.empty();
    }
}
