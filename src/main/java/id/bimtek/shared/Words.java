package id.bimtek.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The words staff pages show for the system's codes, and its dates and times in WIB (templates reach it as
 * {@code @words}): a user reads "Pelaksanaan", not IN_DELIVERY.
 */
@Component("words")
public class Words {

    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", INDONESIA);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", INDONESIA);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH.mm", INDONESIA).withZone(Wib.ZONE);

    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("DRAFT", "Konsep"),
            Map.entry("SUBMITTED", "Diajukan"),
            Map.entry("REVISION_REQUIRED", "Perlu perbaikan"),
            Map.entry("IN_REVIEW", "Ditelaah"),
            Map.entry("BUDGET_APPROVAL", "Persetujuan anggaran"),
            Map.entry("REGISTRATION_OPEN", "Pendaftaran dibuka"),
            Map.entry("REGISTRATION_CLOSED", "Pendaftaran ditutup"),
            Map.entry("IN_DELIVERY", "Pelaksanaan"),
            Map.entry("CLOSING", "Penutupan"),
            Map.entry("CLOSING_APPROVAL", "Persetujuan laporan penutupan"),
            Map.entry("FOLLOW_UP", "Pendampingan"),
            Map.entry("COMPLETED", "Selesai"),
            Map.entry("REJECTED", "Ditolak"),
            Map.entry("CANCELLED", "Dibatalkan"));

    private static final Map<String, String> REGISTRATIONS = Map.ofEntries(
            Map.entry("REGISTERED", "terdaftar"),
            Map.entry("WAITLISTED", "daftar tunggu"),
            Map.entry("APPLIED", "melamar"),
            Map.entry("OFFERED", "ditawari kursi"),
            Map.entry("CONFIRMED", "peserta"),
            Map.entry("WITHDRAWN", "mengundurkan diri"),
            Map.entry("NOT_SELECTED", "tidak terpilih"),
            Map.entry("OFFER_DECLINED", "menolak tawaran"),
            Map.entry("OFFER_EXPIRED", "tawaran lewat waktu"),
            Map.entry("CANCELLED", "dibatalkan"));

    private static final Map<String, String> DECISIONS = Map.of(
            "APPROVE", "disetujui", "REVISE", "dikembalikan untuk perbaikan", "REJECT", "ditolak",
            "CANCEL", "dibatalkan", "EXTEND", "pendaftaran diperpanjang", "INVALID", "belum lengkap",
            "REMINDER", "pengingat tenggat", "ESCALATED", "dinaikkan ke atasan",
            "CLOSE_REGISTRATION", "pendaftaran ditutup lebih awal", "MOVE_DEADLINE", "batas pendaftaran diubah");

    private static final Map<String, String> MODES = Map.of(
            "OFFLINE", "tatap muka", "ONLINE", "daring", "HYBRID", "tatap muka dan daring", "ON_SITE", "tatap muka");

    private static final Map<String, String> ALLOCATION_MODES = Map.of(
            "FIRST_COME", "siapa cepat, dia dapat", "SELECTION", "seleksi setelah pendaftaran ditutup");

    private static final Map<String, String> COMPLETION_BASES = Map.of(
            "SESSIONS", "sesi yang dihadiri", "HOURS", "jam pelajaran yang dihadiri");

    private static final Map<String, String> TRACKS = Map.of(
            "APPAREL", "konveksi", "FOOD", "pangan olahan", "BOGA", "tata boga", "CRAFT", "kerajinan",
            "BATIK", "batik", "FURNITURE", "mebel", "DIGITAL", "pemasaran digital");

    public String status(Object status) {
        return status == null ? "" : STATUSES.getOrDefault(status.toString(), status.toString());
    }

    public String registration(Object status) {
        return status == null ? "" : REGISTRATIONS.getOrDefault(status.toString(), status.toString());
    }

    /** A decision as people say it: APPROVE is "disetujui". */
    public String decision(String decision) {
        return decision == null ? "" : DECISIONS.getOrDefault(decision, decision.toLowerCase(INDONESIA));
    }

    public String mode(Object mode) {
        return mode == null ? "" : MODES.getOrDefault(mode.toString(), mode.toString().toLowerCase(INDONESIA));
    }

    /** How a programme chooses its participants: FIRST_COME is "siapa cepat, dia dapat". */
    public String allocation(String mode) {
        return mode == null ? "" : ALLOCATION_MODES.getOrDefault(mode, mode);
    }

    /** What a graduate's completion is counted in: SESSIONS is "sesi yang dihadiri". */
    public String completionBasis(String basis) {
        return basis == null ? "" : COMPLETION_BASES.getOrDefault(basis, basis);
    }

    /** A track code as a word: known ones translated, others written out ({@code BATIK_TULIS}: "batik tulis"). */
    public String track(String code) {
        return code == null ? "" : TRACKS.getOrDefault(code, code.toLowerCase(INDONESIA).replace('_', ' '));
    }

    /** A NIK for a list: area code and serial readable ({@code 367101******0001}), the date of birth not. */
    public String maskedNik(String nik) {
        return nik == null || nik.length() < 12 ? "—"
                : nik.substring(0, 6) + "*".repeat(nik.length() - 10) + nik.substring(nik.length() - 4);
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String shortDay(LocalDate date) {
        return date == null ? "" : SHORT_DAY.format(date);
    }

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at) + " WIB";
    }
}
