package id.bimtek.auditor;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.Rupiah;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Indonesian labels and formats of the auditors' pages and documents (available to templates as {@code @labels}). */
@Component("labels")
public class Labels {

    private static final Map<AuditTrail.Stage, String> STAGES = Map.of(
            AuditTrail.Stage.PROPOSAL, "Usulan",
            AuditTrail.Stage.REVIEW, "Telaah",
            AuditTrail.Stage.BUDGET, "Anggaran",
            AuditTrail.Stage.REGISTRATION, "Pendaftaran",
            AuditTrail.Stage.DELIVERY, "Pelaksanaan",
            AuditTrail.Stage.CLOSING, "Penutupan",
            AuditTrail.Stage.FOLLOW_UP, "Pendampingan",
            AuditTrail.Stage.CANCELLATION, "Pembatalan",
            AuditTrail.Stage.PROCESS, "Proses");

    private static final Map<String, String> MOVEMENTS = Map.of(
            "COMMIT", "Komitmen", "REALISE", "Realisasi", "RELEASE", "Pengembalian");

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("PROPOSAL_CREATED", "Usulan dibuat"), Map.entry("PROPOSAL_CHANGED", "Usulan diubah"),
            Map.entry("SCHEDULE_CHANGED", "Jadwal gelombang dipindah"),
            Map.entry("DECISION", "Keputusan"), Map.entry("STATUS_CHANGED", "Status berubah"),
            Map.entry("TASK_CREATED", "Tugas dibuat"), Map.entry("TASK_ASSIGNED", "Tugas diambil"),
            Map.entry("TASK_COMPLETED", "Tugas diselesaikan"), Map.entry("TASK_WITHDRAWN", "Tugas ditarik"),
            Map.entry("ACTIVITY_STARTED", "Langkah mesin dimulai"), Map.entry("ACTIVITY_ENDED", "Langkah mesin selesai"),
            Map.entry("VARIABLE_CHANGED", "Variabel proses diubah"), Map.entry("JOB_FAILED", "Langkah otomatis gagal"),
            Map.entry("INCIDENT_CREATED", "Insiden"), Map.entry("INCIDENT_RESOLVED", "Insiden diselesaikan"),
            Map.entry("BUDGET_COMMIT", "Anggaran dikomitmenkan"), Map.entry("BUDGET_REALISE", "Anggaran direalisasikan"),
            Map.entry("BUDGET_RELEASE", "Anggaran dikembalikan"),
            Map.entry("REGISTRATION_REGISTERED", "Pendaftar mendapat kursi"),
            Map.entry("REGISTRATION_WAITLISTED", "Pendaftar masuk daftar tunggu"),
            Map.entry("REGISTRATION_APPLIED", "Lamaran diterima"), Map.entry("REGISTRATION_REFUSED", "Pendaftaran ditolak"),
            Map.entry("REGISTRATION_WITHDRAWN", "Pendaftar mengundurkan diri"),
            Map.entry("REGISTRATION_DEADLINE_CHANGED", "Batas pendaftaran diubah"),
            Map.entry("REGISTRATIONS_CANCELLED", "Pendaftaran dibatalkan"),
            Map.entry("APPLICATIONS_RANKED", "Lamaran diperingkat"), Map.entry("PARTICIPANTS_CONFIRMED", "Peserta ditetapkan"),
            Map.entry("SEAT_FREED", "Kursi kosong"), Map.entry("SEAT_OFFERED", "Kursi ditawarkan"),
            Map.entry("SEAT_OFFER_ACCEPTED", "Tawaran kursi diterima"), Map.entry("SEAT_OFFER_DECLINED", "Tawaran kursi ditolak"),
            Map.entry("SEAT_OFFER_EXPIRED", "Tawaran kursi lewat waktu"), Map.entry("SEAT_OFFER_CLOSED", "Tawaran kursi ditutup"),
            Map.entry("ATTENDANCE_RECORDED", "Kehadiran dicatat"), Map.entry("BATCH_ATTENDANCE_CLOSED", "Kehadiran gelombang ditutup"),
            Map.entry("COMPLETION_ASSESSED", "Kelulusan dinilai"), Map.entry("CLOSING_REPORT_FILED", "Laporan penutupan diajukan"),
            Map.entry("CERTIFICATE_WITHDRAWN", "Sertifikat dicabut"), Map.entry("OUTCOME_RECORDED", "Hasil pemantauan dicatat"),
            Map.entry("OUTCOME_CORRECTED", "Hasil pemantauan dikoreksi"),
            Map.entry("MONITORING_ROUND_RECORDED", "Putaran pemantauan ditutup"),
            Map.entry("FOLLOW_UP_ITEM_ADDED", "Tindak lanjut ditambahkan"), Map.entry("FOLLOW_UP_ITEM_UPDATED", "Tindak lanjut diperbarui"));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(AuditFilter.WIB);

    public String stage(AuditTrail.Stage stage) {
        return stage == null ? "" : STAGES.get(stage);
    }

    /** What kind of record it is, in words; an unknown kind shows as it is stored. */
    public String kind(String kind) {
        return kind == null ? "" : KINDS.getOrDefault(kind, kind);
    }

    public java.util.Set<String> kinds() {
        return KINDS.keySet();
    }

    public String movement(String kind) {
        return MOVEMENTS.getOrDefault(kind, kind);
    }

    /** {@code 24.600.000,00}: the Indonesian notation, to the cent. */
    public String money(BigDecimal amount) {
        return amount == null ? "" : Rupiah.digitsToTheCent(amount);
    }

    public String rupiah(BigDecimal amount) {
        return amount == null ? "" : Rupiah.toTheCent(amount);
    }

    /** Date and time in WIB. */
    public String time(Instant at) {
        return at == null ? "" : TIME.format(at) + " WIB";
    }

    /** For a date input's value: the WIB date of an instant. */
    public String date(Instant at) {
        return at == null ? "" : at.atZone(AuditFilter.WIB).toLocalDate().toString();
    }
}
