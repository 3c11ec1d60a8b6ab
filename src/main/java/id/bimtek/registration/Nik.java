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

    /** What can be wrong with a NIK's structure; the applicants' pages explain each in plain words. */
    enum Problem {
        DIGITS, PROVINCE, AREA, BIRTH_DATE, SERIAL
    }

    /** Why the NIK is not well-formed, or empty when it is. */
    static Optional<String> problemWith(String nik) {
        return problemOf(nik).map(problem -> switch (problem) {
            case DIGITS -> "a NIK has 16 digits";
            case PROVINCE -> "the NIK starts with " + nik.substring(0, 2) + ", which is not a province code";
            case AREA -> "the NIK's regency and district codes cannot be 00";
            case BIRTH_DATE -> "the NIK's date of birth " + nik.substring(6, 12) + " is not a date (DDMMYY, +40 for women)";
            case SERIAL -> "the NIK's serial number cannot be 0000";
        });
    }

    /** The first structural problem of the NIK, or empty when it is well-formed. */
    static Optional<Problem> problemOf(String nik) {
        if (nik == null || nik.length() != 16 || !nik.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Problem.DIGITS);
        }
        if (!PROVINCES.contains(nik.substring(0, 2))) {
            return Optional.of(Problem.PROVINCE);
        }
        if (nik.startsWith("00", 2) || nik.startsWith("00", 4)) {
            return Optional.of(Problem.AREA);
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int year = Integer.parseInt(nik.substring(10, 12));
        int dayOfMonth = day > 40 ? day - 40 : day;
        // the century is not in the NIK: a date valid in either century is accepted
        if (!isDate(2000 + year, month, dayOfMonth) && !isDate(1900 + year, month, dayOfMonth)) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (nik.endsWith("0000")) {
            return Optional.of(Problem.SERIAL);
        }
        return Optional.empty();
    }

    private static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
