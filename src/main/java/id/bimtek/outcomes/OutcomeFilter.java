package id.bimtek.outcomes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which programmes and which of their applicants the dashboard adds up. Fiscal year, kind, agency and track
 * choose programmes; district and sector choose applicants within them (a head asks "how did the businesses of
 * Kecamatan Cipondoh do?"). A blank choice is no filter.
 */
public record OutcomeFilter(Integer fiscalYear, String kind, String agency, String track, String district,
                            String sector) {

    public OutcomeFilter {
        kind = blankIsNone(kind);
        agency = blankIsNone(agency);
        track = blankIsNone(track);
        district = blankIsNone(district);
        sector = blankIsNone(sector);
    }

    public static OutcomeFilter none() {
        return new OutcomeFilter(null, null, null, null, null, null);
    }

    /** The filter as the page's query string, so a figure's link and the CSV keep it. */
    public String query() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tahun", fiscalYear);
        values.put("jenis", kind);
        values.put("instansi", agency);
        values.put("bidang", track);
        values.put("kecamatan", district);
        values.put("sektor", sector);
        return values.entrySet().stream().filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    boolean choosesApplicants() {
        return district != null || sector != null;
    }

    private static String blankIsNone(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
