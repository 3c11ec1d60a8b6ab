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

    /**
     * An amount as staff type it: {@code 2.500.000}, {@code 2500000}, {@code Rp 2.500.000,50}; null when it is
     * not one (or not below a quadrillion).
     */
    public static BigDecimal parse(String text) {
        String plain = text == null ? "" : text.replace("Rp", "").replace(" ", "").replace(".", "").replace(',', '.');
        return plain.matches("\\d{1,15}(\\.\\d{1,2})?") ? new BigDecimal(plain) : null;
    }

    /** For an input's value: {@code 2.500.000} (cents only when there are any). */
    public static String plain(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(INDONESIA);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }
}
