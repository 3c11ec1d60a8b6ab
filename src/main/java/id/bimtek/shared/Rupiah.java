package id.bimtek.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
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
     * {@code Rp 24.600.000,00}: to the cent, as the auditors read amounts (their pages, documents and the audit
     * trail's sentences), so the same sum is written the same way wherever an auditor meets it.
     */
    public static String toTheCent(BigDecimal amount) {
        return "Rp " + digitsToTheCent(amount);
    }

    /** {@code 24.600.000,00}: {@link #toTheCent} without the currency, for a column of amounts. */
    public static String digitsToTheCent(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0.00", symbols).format(amount);
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
