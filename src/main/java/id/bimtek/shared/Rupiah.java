package id.bimtek.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts as Indonesians read them: {@code Rp 15.600.000} or {@code Rp 4.250.000,5}. */
public final class Rupiah {

    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");

    private Rupiah() {
    }

    public static String of(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(INDONESIA);
        format.setMaximumFractionDigits(2);
        return "Rp " + format.format(amount);
    }
}
