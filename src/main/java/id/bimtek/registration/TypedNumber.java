package id.bimtek.registration;

import id.bimtek.shared.Rupiah;
import java.math.BigDecimal;

/**
 * A whole number as people and spreadsheets write it: "Rp 5.000.000", "5 000 000", "5000000,00", "3 orang".
 * Blank is no number; what comes down to no digits is unreadable, and the field that held it says so.
 */
final class TypedNumber {

    private TypedNumber() {
    }

    /** The number written, or {@code null} when nothing was written or it is not a whole number. */
    static Long of(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        BigDecimal amount = Rupiah.parse(typed.strip().replaceFirst("(?i)^rp", "Rp").replaceFirst("(?i)\\s*orang$", ""));
        return amount == null || amount.stripTrailingZeros().scale() > 0 ? null : amount.longValue();
    }

    static Integer count(String typed) {
        Long number = of(typed);
        return number == null ? null : (int) Math.min(Integer.MAX_VALUE, number);
    }

    /** Something was written that is not a number. */
    static boolean unreadable(String typed) {
        return typed != null && !typed.isBlank() && of(typed) == null;
    }
}
