package id.bimtek.auditor;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's part of the audit PDF, set straight onto the pages: headings, lines of text and ruled tables whose
 * header row is repeated on every page. OpenPDF's {@code PdfPTable} lays each cell out twice (once to measure, once
 * to write) through its general text engine: for a selection's 10,620 records, 74,000 cells took 0.7 s. These cells
 * hold plain text in one font, so measuring words with the font's widths is all the layout they need.
 */
final class TimelineSheet {

    private static final float SIZE = 7f;
    private static final float LEADING = 8.4f;
    private static final float PADDING = 2f;
    private static final Color HEADER_FILL = new Color(230, 230, 230);

    private final Document document;
    private final PdfWriter writer;
    private final BaseFont regular;
    private final BaseFont bold;
    private float y;
    private float[] columns;
    private String[] header;

    TimelineSheet(Document document, PdfWriter writer) {
        this.document = document;
        this.writer = writer;
        try {
            this.regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            this.bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // continue below what the document has laid out so far
        this.y = writer.getVerticalPosition(true);
    }

    /** A line (wrapped when long) across the page, in bold at the given size, with space above it. */
    void heading(String text, float size, float spaceBefore) {
        text(text, bold, size, spaceBefore);
    }

    /** Text across the page (wrapped), in the table's size. */
    void text(String text, boolean inBold) {
        text(text, inBold ? bold : regular, SIZE + 1, 1f);
    }

    /** Starts a table: relative column widths and the header row, repeated at the top of every page it runs onto. */
    void table(float[] relativeWidths, String... labels) {
        float total = 0;
        for (float width : relativeWidths) {
            total += width;
        }
        columns = new float[relativeWidths.length];
        for (int i = 0; i < relativeWidths.length; i++) {
            columns[i] = relativeWidths[i] / total * (document.right() - document.left());
        }
        header = labels;
        y -= 3f;
        row(labels, bold, true);
    }

    void row(String... cells) {
        row(cells, regular, false);
    }

    void endTable() {
        columns = null;
        header = null;
    }

    /** Lets the document know its last page holds what was set here, so it closes with it. */
    void finish() {
        writer.setPageEmpty(false);
    }

    private void text(String text, BaseFont font, float size, float spaceBefore) {
        List<String> lines = wrap(text, font, size, document.right() - document.left());
        float leading = size * 1.2f;
        y -= spaceBefore;
        PdfContentByte content = writer.getDirectContent();
        for (String line : lines) {
            if (y - leading < document.bottom()) {
                newPage();
            }
            y -= leading;
            content.beginText();
            content.setFontAndSize(font, size);
            content.setTextMatrix(document.left(), y + size * 0.25f);
            content.showText(line);
            content.endText();
        }
    }

    private void row(String[] cells, BaseFont font, boolean isHeader) {
        List<List<String>> lines = new ArrayList<>(cells.length);
        int most = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> wrapped = wrap(cells[i] == null ? "" : cells[i], font, SIZE, columns[i] - 2 * PADDING);
            lines.add(wrapped);
            most = Math.max(most, wrapped.size());
        }
        float height = most * LEADING + 2 * PADDING;
        if (y - height < document.bottom()) {
            newPage();
            if (!isHeader) {
                row(header, bold, true);
            }
        }
        PdfContentByte content = writer.getDirectContent();
        float x = document.left();
        if (isHeader) {
            content.setColorFill(HEADER_FILL);
            content.rectangle(x, y - height, document.right() - x, height);
            content.fill();
            content.setColorFill(Color.BLACK);
        }
        content.setLineWidth(0.5f);
        for (float width : columns) {
            content.rectangle(x, y - height, width, height);
            x += width;
        }
        content.stroke();
        content.beginText();
        content.setFontAndSize(font, SIZE);
        x = document.left();
        for (int i = 0; i < cells.length; i++) {
            float baseline = y - PADDING - SIZE;
            for (String line : lines.get(i)) {
                content.setTextMatrix(x + PADDING, baseline);
                content.showText(line);
                baseline -= LEADING;
            }
            x += columns[i];
        }
        content.endText();
        y -= height;
    }

    private void newPage() {
        writer.setPageEmpty(false);
        document.newPage();
        y = document.top();
    }

    /** The text's lines within the width: broken at spaces and line breaks, a word wider than the width where it fills it. */
    static List<String> wrap(String text, BaseFont font, float size, float width) {
        if (text.indexOf('\n') < 0 && font.getWidthPoint(text, size) <= width) {
            return List.of(text); // most cells: a time, a kind, a name
        }
        List<String> lines = new ArrayList<>();
        float space = font.getWidthPoint(' ', size);
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (String word : paragraph.split(" ")) {
                float wordWidth = font.getWidthPoint(word, size);
                if (line.length() > 0 && used + space + wordWidth <= width) {
                    line.append(' ').append(word);
                    used += space + wordWidth;
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (wordWidth > width && word.length() > 1) {
                    int fits = 1;
                    while (fits < word.length() && font.getWidthPoint(word.substring(0, fits + 1), size) <= width) {
                        fits++;
                    }
                    lines.add(word.substring(0, fits));
                    word = word.substring(fits);
                    wordWidth = font.getWidthPoint(word, size);
                }
                line.append(word);
                used = wordWidth;
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
