package id.bimtek.auditor;

import id.bimtek.audit.AuditTrail;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(AuditFilter.WIB);

    public String stage(AuditTrail.Stage stage) {
        return stage == null ? "" : STAGES.get(stage);
    }

    public String movement(String kind) {
        return MOVEMENTS.getOrDefault(kind, kind);
    }

    /** {@code 24.600.000,00}: the Indonesian notation, to the cent. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0.00", symbols).format(amount);
    }

    public String rupiah(BigDecimal amount) {
        return amount == null ? "" : "Rp " + money(amount);
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
