package id.bimtek.auditor;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.Words;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/** A programme's timeline as CSV (one row per audit record) and as a PDF document an auditor can file. */
@Component
public class AuditExports {

    static final String[] CSV_HEADER = {"seq", "recorded_at", "recorded_at_wib", "stage", "kind", "actor",
            "on_behalf_of", "subject", "detail", "old_value", "new_value", "prev_hash", "hash",
            "tahap", "jenis", "pelaku", "atas_nama", "keterangan", "perubahan"};

    private final Labels labels;

    private final Timeline timeline;
    private final Words words;

    public AuditExports(Labels labels, Timeline timeline, Words words) {
        this.labels = labels;
        this.timeline = timeline;
        this.words = words;
    }

    /**
     * The stored record (hashes and raw values, to recompute the chain) and, after it, the page's words; written as it
     * is made, so a long trail reaches the auditor's disk a row at a time.
     */
    public void csv(List<AuditTrail.Record> records, OutputStream stream) {
        java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            for (Timeline.Item item : timeline.items(records)) {
                AuditTrail.Record record = item.record();
                printer.printRecord(record.seq(), record.recordedAt().toString(), labels.time(record.recordedAt()),
                        record.stage().name(), record.kind(), inert(record.actor()), inert(record.onBehalfOf()),
                        inert(record.subject()), inert(record.detail()), inert(record.oldValue()), inert(record.newValue()),
                        record.prevHash(), record.hash(), labels.stage(record.stage()), item.kind(), inert(item.actor()),
                        inert(item.onBehalfOf()), inert(item.what()), inert(item.changesText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cell a spreadsheet would take for a formula (a title such as "=HYPERLINK(...)") is prefixed with an
     * apostrophe, as OWASP advises for CSV injection: the auditor's spreadsheet shows text, never runs it.
     */
    static String inert(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * The document written page by page as it is set: the header and budget through OpenPDF's layout, the timeline
     * by {@link TimelineSheet}, row by row onto the pages, so ten thousand records reach the auditor as they are set.
     */
    public void pdf(AuditorQueries.ProgramHeader program, AuditorQueries.ProgramMoney money,
                    List<AuditTrail.Record> records, AuditFilter filter, AuditTrail.Verification verification,
                    String lastHash, String generatedBy, Instant generatedAt, OutputStream out) {
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 7);
        String verified = verification.valid()
                ? "Rantai audit TERVERIFIKASI (" + verification.records() + " catatan)"
                : "Rantai audit RUSAK pada catatan " + verification.firstBadSeq() + ": " + verification.problem();

        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 36);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        // the fastest deflate: at the default level compressing the pages was a quarter of a long trail's time,
        // for a document a tenth larger
        writer.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
        document.addTitle("Jejak audit " + program.code());
        document.addSubject(program.title());
        document.addCreator("Bimtek lifecycle engine");
        HeaderFooter footer = new HeaderFooter(new Phrase(verified + " · dibuat " + labels.time(generatedAt)
                + " oleh " + generatedBy + " · halaman ", small), true);
        footer.setBorder(Rectangle.TOP);
        footer.setAlignment(Element.ALIGN_LEFT);
        document.setFooter(footer);
        document.open();

        document.add(new Paragraph("Jejak Audit Program " + program.code(), title));
        document.add(new Paragraph(program.title(), bold));
        PdfPTable head = new PdfPTable(new float[] {1.3f, 3f, 1.3f, 3f});
        head.setWidthPercentage(100);
        head.setSpacingBefore(6);
        cellPair(head, "Kode program", program.code(), bold, normal);
        cellPair(head, "Status", words.status(program.status()), bold, normal);
        cellPair(head, "Instansi", program.agency(), bold, normal);
        cellPair(head, "Jenis", program.kind(), bold, normal);
        cellPair(head, "Mata anggaran", program.lineCode() + " — " + program.lineName(), bold, normal);
        cellPair(head, "Tahun anggaran", program.lineFiscalYear() + " (" + program.lineSource() + ")", bold, normal);
        document.add(head);

        document.add(new Paragraph("Ringkasan anggaran", bold));
        PdfPTable budget = new PdfPTable(new float[] {2f, 1.5f, 2f, 1.5f});
        budget.setWidthPercentage(100);
        budget.setSpacingBefore(3);
        cellPair(budget, "Program: dikomitmenkan", labels.rupiah(money.committed()), bold, normal);
        cellPair(budget, "Mata anggaran: pagu", labels.rupiah(program.lineCeiling()), bold, normal);
        cellPair(budget, "Program: direalisasikan", labels.rupiah(money.realised()), bold, normal);
        cellPair(budget, "Mata anggaran: komitmen", labels.rupiah(program.lineCommitted()), bold, normal);
        cellPair(budget, "Program: dikembalikan", labels.rupiah(money.released()), bold, normal);
        cellPair(budget, "Mata anggaran: realisasi", labels.rupiah(program.lineRealised()), bold, normal);
        cellPair(budget, "Program: masih terkomitmen", labels.rupiah(money.outstanding()), bold, normal);
        cellPair(budget, "Mata anggaran: sisa pagu", labels.rupiah(program.lineRemaining()), bold, normal);
        document.add(budget);

        TimelineSheet sheet = new TimelineSheet(document, writer, footer);
        sheet.heading("Linimasa (" + records.size() + " catatan"
                + (filter.isEmpty() ? "" : "; disaring: " + describe(filter))
                + (filter.engineSteps() ? "" : "; langkah mesin tidak dicantumkan") + ")", 9, 8);
        for (Timeline.StageGroup group : timeline.whole(records, filter).groups()) {
            sheet.heading(group.name() + " (" + group.items().size() + " catatan)", 14, 8);
            for (Timeline.Item decision : group.decisions()) {
                sheet.text("Keputusan " + decision.record().subject() + ": " + decision.whatInWords() + " — "
                        + decision.actor() + (decision.onBehalfOf().isEmpty() ? "" : " atas nama " + decision.onBehalfOf())
                        + ", " + labels.time(decision.record().recordedAt()), true);
            }
            sheet.table(new float[] {0.4f, 1.3f, 1.4f, 1.5f, 1.8f, 2.6f, 3.2f},
                    "No", "Waktu (WIB)", "Jenis", "Pelaku", "Subjek", "Keterangan", "Perubahan");
            for (Timeline.Item item : group.items()) {
                AuditTrail.Record record = item.record();
                sheet.row(String.valueOf(record.seq()), labels.time(record.recordedAt()), item.kind(),
                        item.actor() + (item.onBehalfOf().isEmpty() ? "" : " atas nama " + item.onBehalfOf()),
                        record.subject(), item.whatInWords(),
                        String.join("\n", item.changes().stream().map(Changes.Change::inWords).toList()));
            }
            sheet.endTable();
        }
        sheet.heading("Verifikasi rantai hash", 9, 8);
        sheet.text(verified + ". Hash terakhir: " + (lastHash == null ? "-" : lastHash) + ". Dibuat "
                + labels.time(generatedAt) + " oleh " + generatedBy + ".", false);
        sheet.finish();
        document.close();
    }

    String describe(AuditFilter filter) {
        StringBuilder text = new StringBuilder();
        if (filter.stage() != null) {
            text.append("tahap ").append(labels.stage(filter.stage())).append(' ');
        }
        if (filter.user() != null) {
            text.append("pengguna ").append(filter.user()).append(' ');
        }
        if (filter.kind() != null) {
            text.append("jenis ").append(labels.kind(filter.kind())).append(' ');
        }
        if (filter.from() != null) {
            text.append("sejak ").append(labels.time(filter.from())).append(' ');
        }
        if (filter.to() != null) {
            text.append("sebelum ").append(labels.time(filter.to())).append(' ');
        }
        return text.toString().trim();
    }

    private static void cellPair(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell labelCell = new PdfPCell(new Phrase(label, labelFont));
        labelCell.setBorder(Rectangle.NO_BORDER);
        PdfPCell valueCell = new PdfPCell(new Phrase(value == null ? "" : value, valueFont));
        valueCell.setBorder(Rectangle.NO_BORDER);
        table.addCell(labelCell);
        table.addCell(valueCell);
    }

    static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
