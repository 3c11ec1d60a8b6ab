package id.bimtek.auditor;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
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
    /** The standard fonts' encoding here ({@code BaseFont.WINANSI}); what it cannot show becomes '?'. */
    private static final Charset WIN_ANSI = Charset.forName("windows-1252");
    private static final Color HEADER_FILL = new Color(230, 230, 230);
    /** Lines of a table that a heading or a header keeps with it, rather than stand alone at a page's foot. */
    private static final int KEPT_WITH_HEADING = 3;

    private final Document document;
    private final PdfWriter writer;
    private final BaseFont regular;
    private final BaseFont bold;
    /** The lowest a line may go: above the page's footer, which OpenPDF draws inside the bottom margin. */
    private final float bottom;
    private float y;
    /** Where the table began on this page: its column rules are drawn from there when the page or the table ends. */
    private float tableTop;
    private float[] columns;
    /** The table's header row, wrapped; drawn above the first row set on each page. */
    private List<List<String>> header;
    private boolean headerPending;

    /** {@code footer}: the document's footer, laid out on its first page (null without one). */
    TimelineSheet(Document document, PdfWriter writer, Rectangle footer) {
        this.document = document;
        this.writer = writer;
        this.bottom = footer == null ? document.bottom() : Math.max(document.bottom(), footer.getTop() + PADDING);
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
        // kept with what follows: not left alone at the foot of a page
        if (y - spaceBefore - size * 1.2f - KEPT_WITH_HEADING * LEADING < bottom) {
            newPage();
        }
        text(text, bold, size, spaceBefore);
    }

    /** Text across the page (wrapped), in the table's size. */
    void text(String text, boolean inBold) {
        text(text, inBold ? bold : regular, SIZE + 1, 1f);
    }

    /**
     * Starts a table: relative column widths and the header row, drawn above the first row and repeated at the top of
     * every page the table runs onto.
     */
    void table(float[] relativeWidths, String... labels) {
        float total = 0;
        for (float width : relativeWidths) {
            total += width;
        }
        columns = new float[relativeWidths.length];
        for (int i = 0; i < relativeWidths.length; i++) {
            columns[i] = relativeWidths[i] / total * (document.right() - document.left());
        }
        header = wrapped(labels, bold);
        y -= 3f;
        headerPending = true;
    }

    /**
     * A row of cells. A row that does not fit below the last one goes to the next page whole; one taller than a page
     * is continued there, its cells' lines carried on below the repeated header.
     */
    void row(String... cells) {
        List<List<String>> lines = wrapped(cells, regular);
        int height = linesOf(lines);
        int from = 0;
        while (from < height) {
            int left = height - from;
            int fits = linesFitting();
            if (left > fits && (left <= linesOnAFreshPage() || fits < KEPT_WITH_HEADING)) {
                turnPage();
                fits = linesFitting();
            }
            int count = Math.min(left, fits);
            piece(lines, from, count, regular, false);
            from += count;
            if (from < height) {
                turnPage();
            }
        }
    }

    void endTable() {
        if (headerPending) {
            piece(header, 0, linesOf(header), bold, true);
        }
        columnRules();
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
            if (y - leading < bottom) {
                newPage();
            }
            y -= leading;
            content.beginText();
            content.setFontAndSize(font, size);
            content.setTextMatrix(document.left(), y + size * 0.25f);
            show(content, line);
            content.endText();
        }
    }

    private List<List<String>> wrapped(String[] cells, BaseFont font) {
        List<List<String>> lines = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            lines.add(wrap(cells[i] == null ? "" : cells[i], font, SIZE, columns[i] - 2 * PADDING));
        }
        return lines;
    }

    private static int linesOf(List<List<String>> cells) {
        int most = 1;
        for (List<String> cell : cells) {
            most = Math.max(most, cell.size());
        }
        return most;
    }

    /** How many lines of a row fit on this page below what is set, and below the header if it is still to come. */
    private int linesFitting() {
        float room = y - bottom - 2 * PADDING - (headerPending ? heightOf(linesOf(header)) : 0);
        return Math.max(0, (int) Math.floor(room / LEADING));
    }

    private int linesOnAFreshPage() {
        return (int) Math.floor((document.top() - bottom - heightOf(linesOf(header)) - 2 * PADDING) / LEADING);
    }

    private static float heightOf(int lines) {
        return lines * LEADING + 2 * PADDING;
    }

    private void turnPage() {
        if (!headerPending) {
            columnRules();
        }
        newPage();
        headerPending = true;
    }

    /** Lines {@code from} to {@code from + count} of each cell as one ruled row; the header first where it is due. */
    private void piece(List<List<String>> cells, int from, int count, BaseFont font, boolean isHeader) {
        if (headerPending && !isHeader) {
            headerPending = false;
            piece(header, 0, linesOf(header), bold, true);
        }
        if (isHeader) {
            tableTop = y;
        }
        float height = heightOf(count);
        PdfContentByte content = writer.getDirectContent();
        content.setLineWidth(0.5f);
        if (isHeader) {
            content.setColorFill(HEADER_FILL);
            content.rectangle(document.left(), y - height, document.right() - document.left(), height);
            content.fillStroke();
            content.setColorFill(Color.BLACK);
        } else {
            // one rule under the row; the columns' rules are drawn once for the whole page
            content.moveTo(document.left(), y - height);
            content.lineTo(document.right(), y - height);
            content.stroke();
        }
        content.beginText();
        content.setFontAndSize(font, SIZE);
        float x = document.left();
        // each line placed relative to the one before (Td, two numbers), not by a whole matrix (Tm, six): a
        // selection's PDF places 90,000 lines, and writing their numbers was a tenth of its time
        float lineX = 0;
        float lineY = 0;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = cells.get(i);
            float baseline = y - PADDING - SIZE;
            for (int line = from; line < Math.min(lines.size(), from + count); line++) {
                content.moveText(x + PADDING - lineX, baseline - lineY);
                lineX = x + PADDING;
                lineY = baseline;
                show(content, lines.get(line));
                baseline -= LEADING;
            }
            x += columns[i];
        }
        content.endText();
        y -= height;
    }

    /** The vertical rules of the table's columns on this page, from its header to where it has got to. */
    private void columnRules() {
        PdfContentByte content = writer.getDirectContent();
        float x = document.left();
        for (int i = 0; i <= columns.length; i++) {
            content.moveTo(x, tableTop);
            content.lineTo(x, y);
            x += i < columns.length ? columns[i] : 0;
        }
        content.stroke();
    }

    /**
     * What {@code showText} writes, for the standard fonts used here: the text in WinAnsi as a string in the content
     * stream. OpenPDF's own looks its encoding up by a lower-cased name on every call (a sixth of this document's
     * time) and notes the characters used, which only an embedded font needs.
     */
    private static void show(PdfContentByte content, String text) {
        ByteBuffer out = content.getInternalBuffer();
        out.append('(');
        for (byte b : text.getBytes(WIN_ANSI)) {
            if (b == '(' || b == ')' || b == '\\') {
                out.append('\\');
            } else if (b == '\r') {
                out.append("\\r");
                continue;
            }
            out.append(b);
        }
        out.append(")Tj\n");
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
        StringBuilder line = new StringBuilder();
        float used = 0;
        // words and line breaks found by index and measured as they are read: a selection's PDF wraps 50,000 cells
        for (int at = 0; at <= text.length(); ) {
            int end = at;
            int units = 0;
            for (char c; end < text.length() && (c = text.charAt(end)) != ' ' && c != '\n'; end++) {
                units += font.getWidth(c);
            }
            float wordWidth = units * size / 1000f;
            if (line.length() > 0 && used + space + wordWidth <= width) {
                line.append(' ').append(text, at, end);
                used += space + wordWidth;
            } else {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String word = text.substring(at, end);
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
            if (end == text.length() || text.charAt(end) == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            at = end + 1;
        }
        return lines;
    }
}
