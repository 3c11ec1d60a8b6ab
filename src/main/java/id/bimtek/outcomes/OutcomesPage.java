package id.bimtek.outcomes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.StaffPage;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outcome dashboard: heads see what the programmes achieved, auditors read it. Every figure links to the
 * programmes behind it ({@code rincian}), and the table of programmes downloads as CSV with the same filter.
 */
@Controller
class OutcomesPage {

    private final OutcomeReport outcomes;
    private final OutcomeCsv csv;
    private final StaffPage page;
    private final ObjectMapper json;

    OutcomesPage(OutcomeReport outcomes, OutcomeCsv csv, StaffPage page, ObjectMapper json) {
        this.outcomes = outcomes;
        this.csv = csv;
        this.page = page;
        this.json = json;
    }

    @GetMapping("/kerja/capaian")
    String dashboard(@RequestParam(required = false) String tahun, @RequestParam(required = false) String jenis,
                     @RequestParam(required = false) String instansi, @RequestParam(required = false) String bidang,
                     @RequestParam(required = false) String kecamatan, @RequestParam(required = false) String sektor,
                     @RequestParam(required = false) String rincian, Model model, HttpServletResponse response)
            throws JsonProcessingException {
        Integer year = year(tahun);
        if (tahun != null && !tahun.isBlank() && year == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", "Tahun anggaran “" + tahun + "” tidak dikenal: tulis tahunnya, misalnya 2026.");
        }
        OutcomeFilter filter = new OutcomeFilter(year, jenis, instansi, bidang, kecamatan, sektor);
        OutcomeReport.Report report = outcomes.report(filter);
        Detail detail = Detail.of(rincian);
        model.addAttribute("report", report);
        model.addAttribute("choices", outcomes.choices());
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.query().isEmpty() ? "" : filter.query() + "&");
        model.addAttribute("detail", detail);
        model.addAttribute("listed", report.programmes().stream().filter(detail::includes).toList());
        model.addAttribute("chart", json.writeValueAsString(chart(report.rounds())));
        model.addAttribute("auditor", CurrentUser.get().isIn(id.bimtek.shared.Roles.AUDITOR));
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/capaian";
    }

    @GetMapping("/kerja/capaian/unduh.csv")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String tahun, @RequestParam(required = false) String jenis,
                                    @RequestParam(required = false) String instansi, @RequestParam(required = false) String bidang,
                                    @RequestParam(required = false) String kecamatan, @RequestParam(required = false) String sektor) {
        Integer year = year(tahun);
        if (tahun != null && !tahun.isBlank() && year == null) {
            throw id.bimtek.shared.ProblemException.invalid("tahun", "the fiscal year must be a year such as 2026");
        }
        OutcomeReport.Report report = outcomes.report(new OutcomeFilter(year, jenis, instansi, bidang, kecamatan, sektor));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("capaian-program.csv").build().toString())
                .body(csv.of(report));
    }

    private static Integer year(String written) {
        return written != null && written.strip().matches("(19|20|21)\\d{2}") ? Integer.valueOf(written.strip()) : null;
    }

    /** The rounds as the charts draw them: where the businesses stood when they applied, then each round. */
    private static Map<String, Object> chart(List<OutcomeReport.Round> rounds) {
        List<String> labels = new ArrayList<>();
        List<Object> baseline = new ArrayList<>();
        List<Object> revenue = new ArrayList<>();
        List<Object> active = new ArrayList<>();
        for (OutcomeReport.Round round : rounds) {
            labels.add("Putaran " + round.round());
            baseline.add(round.baselineRevenue());
            revenue.add(round.medianRevenue());
            active.add(round.activePercent());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("baselineRevenue", baseline);
        chart.put("medianRevenue", revenue);
        chart.put("activePercent", active);
        return chart;
    }

    /** Which figure's programmes the table lists; none: all of them. */
    enum Detail {
        ALL("semua program", null), APPLICANTS("program dengan pendaftar", "pendaftar"),
        PARTICIPANTS("program dengan peserta", "peserta"), COMPLETION("program yang sudah menetapkan kelulusan", "kelulusan"),
        COST("program yang sudah merealisasikan anggarannya dan punya lulusan", "biaya"),
        REPEAT("program dengan peserta yang pernah ikut program lain", "ulang"),
        MONITORED("program yang sudah mencatat putaran pemantauan", "pemantauan");

        final String description;
        final String parameter;

        Detail(String description, String parameter) {
            this.description = description;
            this.parameter = parameter;
        }

        public String getDescription() {
            return description;
        }

        static Detail of(String parameter) {
            for (Detail detail : values()) {
                if (detail.parameter != null && detail.parameter.equals(parameter)) {
                    return detail;
                }
            }
            return ALL;
        }

        boolean includes(OutcomeReport.Programme programme) {
            return switch (this) {
                case ALL -> true;
                case APPLICANTS -> programme.applicants() > 0;
                case PARTICIPANTS -> programme.participants() > 0;
                case COMPLETION -> programme.decided() > 0;
                case COST -> programme.costPerGraduate() != null;
                case REPEAT -> programme.repeatParticipants() > 0;
                case MONITORED -> !programme.rounds().isEmpty();
            };
        }
    }
}
