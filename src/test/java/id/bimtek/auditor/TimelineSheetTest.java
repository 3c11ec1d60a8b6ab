package id.bimtek.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Phrase;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The audit PDF's cells are wrapped by the font's widths: every line fits its column and no word is lost. */
class TimelineSheetTest {

    private static final float SIZE = 7f;

    @Test
    void linesBreakAtSpacesAndLineBreaksAndALongWordWhereItFillsTheColumn() throws Exception {
        BaseFont font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        float width = font.getWidthPoint("pendaftaran #12 Siti", SIZE);

        assertThat(TimelineSheet.wrap("Lamaran diterima", font, SIZE, width)).containsExactly("Lamaran diterima");
        assertThat(TimelineSheet.wrap("pendaftaran #12 Siti Aminah binti Abdullah", font, SIZE, width))
                .containsExactly("pendaftaran #12 Siti", "Aminah binti", "Abdullah");
        assertThat(TimelineSheet.wrap("kuota: 39 → 30\nmulai: 1 Sep", font, SIZE, width))
                .containsExactly("kuota: 39 → 30", "mulai: 1 Sep");

        String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        List<String> cut = TimelineSheet.wrap("hash " + hash, font, SIZE, width);
        assertThat(String.join("", cut.subList(1, cut.size()))).isEqualTo(hash);
        assertThat(cut).allSatisfy(line -> assertThat(font.getWidthPoint(line, SIZE)).isLessThanOrEqualTo(width));
        assertThat(TimelineSheet.wrap("", font, SIZE, width)).containsExactly("");
    }

    @Test
    void aRowTallerThanAPageIsCarriedOnBelowTheRepeatedHeaderInsteadOfRunningOffThePage() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 36);
        PdfWriter writer = PdfWriter.getInstance(document, pdf);
        HeaderFooter footer = new HeaderFooter(new Phrase("Rantai audit TERVERIFIKASI · halaman "), true);
        document.setFooter(footer);
        document.open();
        TimelineSheet sheet = new TimelineSheet(document, writer, footer);
        sheet.heading("Usulan (2 catatan)", 14, 8);
        sheet.table(new float[] {1f, 4f}, "No", "Perubahan");
        sheet.row("1", "usulan dibuat");
        // a proposal with many batches and sessions: 150 changed fields, more than two pages of lines
        sheet.row("2", IntStream.rangeClosed(1, 150).mapToObj(n -> "baris " + n).collect(Collectors.joining("\n")));
        sheet.endTable();
        sheet.finish();
        document.close();
        java.nio.file.Files.write(java.nio.file.Path.of("target/timeline-sheet-tall-row.pdf"), pdf.toByteArray());

        PdfReader reader = new PdfReader(pdf.toByteArray());
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        assertThat(reader.getNumberOfPages()).isEqualTo(3); // 150 lines at about 58 a page
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= 3; page++) {
            String text = extractor.getTextFromPage(page);
            assertThat(text).as("page " + page).contains("No", "Perubahan");
            all.append(text).append('\n');
        }
        assertThat(IntStream.rangeClosed(1, 150).mapToObj(n -> "baris " + n))
                .allSatisfy(line -> assertThat(all.toString()).containsPattern(line + "\\b"));
        reader.close();
    }
}
