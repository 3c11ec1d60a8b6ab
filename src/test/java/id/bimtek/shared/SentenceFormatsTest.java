package id.bimtek.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Amounts, instants and durations as the audit trail's sentences write them: as an Indonesian reads them. */
class SentenceFormatsTest {

    @Test
    void anAmountIsWrittenToTheCent() {
        assertThat(Rupiah.toTheCent(new BigDecimal("24600000"))).isEqualTo("Rp 24.600.000,00");
        assertThat(Rupiah.toTheCent(new BigDecimal("1000.5"))).isEqualTo("Rp 1.000,50");
        assertThat(Rupiah.digitsToTheCent(new BigDecimal("-750"))).isEqualTo("-750,00");
    }

    @Test
    void anInstantIsWrittenInWibDayFirstToTheMinute() {
        assertThat(Wib.toTheMinute(Instant.parse("2026-08-04T17:30:59Z"))).isEqualTo("05-08-2026 00:30 WIB");
    }

    @Test
    void aDurationIsWrittenInWordsAsItWasSet() {
        assertThat(IsoDurations.inWords("PT48H")).isEqualTo("48 jam");
        assertThat(IsoDurations.inWords("PT2H30M")).isEqualTo("2 jam 30 menit");
        assertThat(IsoDurations.inWords("P1DT12H")).isEqualTo("1 hari 12 jam");
        assertThat(IsoDurations.inWords("P1Y3M")).isEqualTo("1 tahun 3 bulan");
        assertThat(IsoDurations.inWords("P2W")).isEqualTo("14 hari");
        // not a duration: left as it was given, never a failure in the middle of a step
        assertThat(IsoDurations.inWords("48 jam")).isEqualTo("48 jam");
        assertThat(IsoDurations.inWords("PT")).isEqualTo("PT");
        assertThat(IsoDurations.inWords(null)).isEmpty();
    }
}
