package id.bimtek.closing;

import id.bimtek.shared.Rupiah;
import id.bimtek.shared.Wib;
import id.bimtek.workflow.TaskFormSection;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The head approving a closing report sees it: per planned item the plan and what was realised, every
 * unplanned item with its reason, the total against the commitment, the notes, and who filed it when.
 */
@Component
class ClosingFormSection implements TaskFormSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
            Locale.forLanguageTag("id-ID")).withZone(Wib.ZONE);

    private final ClosingReports reports;

    ClosingFormSection(ClosingReports reports) {
        this.reports = reports;
    }

    @Override
    public Map<String, Object> shownOn(String taskKey, long programId) {
        if (!"approveClosingReport".equals(taskKey)) {
            return Map.of();
        }
        Optional<ClosingReports.Filed> latest = reports.latest(programId);
        if (latest.isEmpty()) {
            return Map.of("closingReport", "belum ada laporan");
        }
        ClosingReports.Filed report = latest.get();
        StringBuilder text = new StringBuilder();
        for (ClosingReports.Line line : report.lines()) {
            text.append("• ").append(line.description());
            if (line.unplanned()) {
                text.append(" (tidak direncanakan): realisasi ").append(Rupiah.of(line.realised()));
                if (line.reason() != null) {
                    text.append(" — alasan: ").append(line.reason());
                }
            } else {
                text.append(": rencana ").append(Rupiah.of(line.planned())).append(", realisasi ").append(Rupiah.of(line.realised()));
            }
            text.append('\n');
        }
        BigDecimal total = report.realisedTotal();
        text.append("Jumlah realisasi ").append(Rupiah.of(total)).append(" dari ").append(Rupiah.of(report.committed()))
                .append(" terkomitmen; kembali ke pagu ").append(Rupiah.of(report.committed().subtract(total))).append('\n');
        if (report.notes() != null) {
            text.append("Catatan: ").append(report.notes()).append('\n');
        }
        text.append("Dilaporkan oleh ").append(report.filedBy()).append(", ").append(WHEN.format(report.filedAt())).append(" WIB");
        return Map.of("closingReport", text.length() > 3_900 ? text.substring(0, 3_890) + " …" : text.toString());
    }
}
