package id.bimtek.budget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regional budget code as Permendagri 90/2019 structures it: urusan, bidang urusan, program, kegiatan and
 * sub kegiatan, e.g. {@code 3.31.01.2.01.0003} = urusan 3, bidang 31 (perindustrian), program 01, kegiatan
 * 2.01, sub kegiatan 0003. APBD lines must have one; APBN lines follow the ministries' own structure.
 */
public record BudgetCode(String urusan, String bidangUrusan, String program, String kegiatan, String subKegiatan) {

    private static final Pattern APBD = Pattern.compile("(\\d)\\.(\\d{2})\\.(\\d{2})\\.(\\d\\.\\d{2})\\.(\\d{4})");

    /** The code's parts, or empty when it does not follow the structure. */
    public static Optional<BudgetCode> parse(String code) {
        Matcher parts = APBD.matcher(code == null ? "" : code.strip());
        if (!parts.matches()) {
            return Optional.empty();
        }
        return Optional.of(new BudgetCode(parts.group(1), parts.group(2), parts.group(3), parts.group(4), parts.group(5)));
    }

    static final String EXPECTED = "must be a regional budget code urusan.bidang.program.kegiatan.sub-kegiatan "
            + "such as 3.31.01.2.01.0003";

    /** The parts by the names a finance officer reads them. */
    public Map<String, String> named() {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("Urusan", urusan);
        named.put("Bidang Urusan", urusan + "." + bidangUrusan);
        named.put("Program", urusan + "." + bidangUrusan + "." + program);
        named.put("Kegiatan", urusan + "." + bidangUrusan + "." + program + "." + kegiatan);
        named.put("Sub Kegiatan", subKegiatan);
        return named;
    }

    @Override
    public String toString() {
        return "Urusan " + urusan + " · Bidang " + bidangUrusan + " · Program " + program + " · Kegiatan " + kegiatan
                + " · Sub Kegiatan " + subKegiatan;
    }
}
