package id.bimtek.shared;

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
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * A printable sheet for the office (OpenPDF): a title, the facts it is about, tables whose header row repeats on
 * every page, and a footer with the page number. Attendance sheets, participant lists, closing reports.
 */
public final class PdfSheet {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document;

    private PdfSheet(Rectangle page, String title, String footer) {
        document = new Document(page, 36, 36, 32, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        HeaderFooter bottom = new HeaderFooter(new Phrase(footer + " · halaman ", SMALL), true);
        bottom.setBorder(Rectangle.TOP);
        bottom.setAlignment(Element.ALIGN_LEFT);
        document.setFooter(bottom);
        document.open();
        document.add(new Paragraph(title, TITLE));
    }

    public static PdfSheet portrait(String title, String footer) {
        return new PdfSheet(PageSize.A4, title, footer);
    }

    public static PdfSheet landscape(String title, String footer) {
        return new PdfSheet(PageSize.A4.rotate(), title, footer);
    }

    /** Label and value pairs, two pairs a row. */
    public PdfSheet facts(Map<String, String> facts) {
        PdfPTable table = new PdfPTable(new float[] {1.2f, 3f, 1.2f, 3f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        facts.forEach((label, value) -> {
            table.addCell(borderless(new PdfPCell(new Phrase(label, BOLD))));
            table.addCell(borderless(new PdfPCell(new Phrase(value == null ? "" : value, NORMAL))));
        });
        if (facts.size() % 2 == 1) {
            table.addCell(borderless(new PdfPCell(new Phrase(""))));
            table.addCell(borderless(new PdfPCell(new Phrase(""))));
        }
        document.add(table);
        return this;
    }

    /** A table under its heading; {@code rowHeight} leaves room to sign (0: as tall as the text). */
    public PdfSheet table(String heading, float[] widths, List<String> header, List<List<String>> rows, float rowHeight) {
        Paragraph title = new Paragraph(heading, BOLD);
        title.setSpacingBefore(10);
        document.add(title);
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(3);
        table.setHeaderRows(1);
        for (String label : header) {
            PdfPCell cell = new PdfPCell(new Phrase(label, BOLD));
            cell.setBackgroundColor(new Color(230, 230, 230));
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, NORMAL));
                if (rowHeight > 0) {
                    cell.setMinimumHeight(rowHeight);
                }
                table.addCell(cell);
            }
        }
        document.add(table);
        return this;
    }

    public PdfSheet paragraph(String text) {
        Paragraph paragraph = new Paragraph(text, NORMAL);
        paragraph.setSpacingBefore(6);
        document.add(paragraph);
        return this;
    }

    public byte[] finish() {
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell borderless(PdfPCell cell) {
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }
}
