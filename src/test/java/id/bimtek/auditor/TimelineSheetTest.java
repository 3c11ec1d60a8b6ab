package id.bimtek.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.BaseFont;
import java.util.List;
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
}
