package id.bimtek.registration;

import java.util.Locale;
import java.util.Map;

/**
 * The rules that decide a place, as the audit trail's sentences name them: an auditor reads "aturan gelombang
 * penuh", not BATCH_FULL. The codes stay where programs read them (a refusal's problem and its recorded values).
 */
final class Rules {

    private static final Map<String, String> NAMES = Map.of(
            "SEAT_AVAILABLE", "kursi tersedia",
            "BATCH_FULL", "gelombang penuh",
            "SELECTION", "seleksi",
            "WAITLIST_ORDER", "urutan daftar tunggu",
            "ONE_PLACE_PER_NIK", "satu tempat per NIK",
            "DOMICILE", "domisili",
            "SECTOR", "bidang usaha",
            "EARLIER_PARTICIPATION", "keikutsertaan sebelumnya");

    private Rules() {
    }

    /**
     * "aturan urutan daftar tunggu": a rule the eligibility table gains without a release here is written out
     * from its name (MAX_AGE: "aturan max age") rather than left as a code.
     */
    static String named(String rule) {
        return "aturan " + NAMES.getOrDefault(rule, rule.toLowerCase(Locale.ROOT).replace('_', ' '));
    }
}
