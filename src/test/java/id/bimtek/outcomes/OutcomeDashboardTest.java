package id.bimtek.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.support.LifecycleTest;
import id.bimtek.support.PageBrowser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's figures against a fixture worked out by hand: three programmes of one agency (and one still in
 * review, which does not count), a participant who took part in two of them, one from an earlier list, a
 * monitoring round recorded and one still being entered (which does not count either).
 */
@LifecycleTest
class OutcomeDashboardTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired OutcomeReport outcomes;
    @LocalServerPort int port;

    OutcomeFixture fixture;
    OutcomeFixture.Programme sewing;
    OutcomeFixture.Programme food;
    OutcomeFixture.Programme open;

    @BeforeEach
    void threeProgrammesWorkedOutByHand() {
        fixture = new OutcomeFixture(jdbc);
        // A: BIMTEK 2026, apparel, completed, Rp 30.000.000 realised, 10 seats; 14 applicants, 10 took part, 8 graduated
        sewing = fixture.programme("BIMTEK", 2026, "APPAREL", "COMPLETED", 30_000_000, 10);
        long[] revenueAtRegistration = {1_000_000, 2_000_000, 2_500_000, 3_000_000, 4_000_000, 5_000_000, 0, 0};
        int[] employeesAtRegistration = {1, 2, 1, 3, 2, 4, 1, 5};
        long[] revenueRound1 = {2_000_000, 3_000_000, 3_500_000, 4_000_000, 5_000_000, 6_000_000, 0, 8_000_000};
        int[] employeesRound1 = {2, 3, 1, 4, 2, 5, 0, 6};
        for (int i = 0; i < 8; i++) {
            long graduate = sewing.applicant(i, "CONFIRMED", true, i < 5 ? "Cipondoh" : "Karawaci", "APPAREL",
                    i < 6 ? revenueAtRegistration[i] : null, employeesAtRegistration[i]);
            sewing.outcome(graduate, 1, i != 6, revenueRound1[i], employeesRound1[i]);
            sewing.outcome(graduate, 2, true, 99_000_000, 99); // round 2 still being entered: not counted
        }
        sewing.applicant(8, "CONFIRMED", false, "Karawaci", "APPAREL", null, null);
        sewing.applicant(9, "CONFIRMED", false, "Karawaci", "APPAREL", null, null);
        for (int i = 10; i < 14; i++) {
            sewing.applicant(i, "NOT_SELECTED", null, "Cipondoh", "APPAREL", null, null);
        }
        sewing.roundRecorded(1);

        // B: PELATIHAN 2026, food, in follow-up, Rp 12.000.000 realised, 5 seats; 6 applicants, 5 took part, 4 graduated
        food = fixture.programme("PELATIHAN", 2026, "FOOD", "FOLLOW_UP", 12_000_000, 5);
        long[] foodRevenueAtRegistration = {1_000_000, 2_000_000, 3_000_000, 6_000_000};
        int[] foodEmployeesAtRegistration = {1, 1, 1, 2};
        long[] foodRevenueRound1 = {1_500_000, 2_500_000, 4_500_000, 10_000_000};
        int[] foodEmployeesRound1 = {1, 2, 3, 2};
        int[] foodApplicants = {0, 20, 21, 22}; // applicant 0 also graduated from A: a repeat participant
        for (int i = 0; i < 4; i++) {
            long graduate = food.applicant(foodApplicants[i], "CONFIRMED", true, "Pinang", "FOOD",
                    foodRevenueAtRegistration[i], foodEmployeesAtRegistration[i]);
            food.outcome(graduate, 1, true, foodRevenueRound1[i], foodEmployeesRound1[i]);
        }
        food.applicant(23, "CONFIRMED", false, "Pinang", "FOOD", null, null);
        food.applicant(24, "WITHDRAWN", null, "Pinang", "FOOD", null, null);
        food.earlierParticipation(23); // on the agency's earlier list: a repeat participant too
        food.roundRecorded(1);

        // C: BIMTEK 2025, apparel, registration open, 20 seats, 3 registered
        open = fixture.programme("BIMTEK", 2025, "APPAREL", "REGISTRATION_OPEN", 0, 20);
        for (int i = 30; i < 33; i++) {
            open.applicant(i, "REGISTERED", null, "Cipondoh", "APPAREL", null, null);
        }
        // D: still in review: not counted
        fixture.programme("BIMTEK", 2026, "APPAREL", "IN_REVIEW", 0, 50);
    }

    @AfterEach
    void removeTheFixture() {
        fixture.remove();
    }

    @Test
    void theFiguresAreThoseWorkedOutByHand() {
        OutcomeReport.Report all = outcomes.report(agency(null, null, null, null, null));
        OutcomeReport.Totals t = all.totals();
        assertThat(t.programmes()).isEqualTo(3);
        assertThat(t.seats()).isEqualTo(35);
        assertThat(t.applicants()).isEqualTo(23);
        assertThat(t.applicantsPerSeat()).isEqualByComparingTo("0.66"); // 23 / 35
        assertThat(t.participants()).isEqualTo(15);
        assertThat(t.graduates()).isEqualTo(12);
        assertThat(t.completionPercent()).isEqualByComparingTo("80.0"); // 12 / 15
        assertThat(t.costPerGraduate()).isEqualByComparingTo("3500000"); // (30 + 12 million) / (8 + 4)
        assertThat(t.distinctParticipants()).isEqualTo(14); // applicant 0 took part twice
        assertThat(t.repeatParticipants()).isEqualTo(2); // applicant 0, and 23 from the earlier list
        assertThat(t.repeatPercent()).isEqualByComparingTo("14.3");
        // the latest fiscal year first
        assertThat(all.programmes()).extracting(OutcomeReport.Programme::id).containsExactlyInAnyOrder(food.id, sewing.id, open.id)
                .last().isEqualTo(open.id);
        assertThat(all.programmes()).filteredOn(p -> p.id() == sewing.id).singleElement().satisfies(p -> {
            assertThat(p.costPerGraduate()).isEqualByComparingTo("3750000");
            assertThat(p.repeatParticipants()).isEqualTo(1);
            assertThat(p.rounds()).containsExactly(1);
        });
        assertThat(all.programmes()).filteredOn(p -> p.id() == open.id).singleElement()
                .satisfies(p -> assertThat(p.costPerGraduate()).isNull());

        // round 1 of A and B; A's round 2 is still being entered
        assertThat(all.rounds()).singleElement().satisfies(round -> {
            assertThat(round.round()).isEqualTo(1);
            assertThat(round.reported()).isEqualTo(12);
            assertThat(round.active()).isEqualTo(11);
            assertThat(round.activePercent()).isEqualByComparingTo("91.7");
            // 0; 1.5 2 2.5 3 3.5 | 4 4.5 5 6 8 10 million
            assertThat(round.medianRevenue()).isEqualByComparingTo("3750000");
            // 0 1 1 2 2 2 | 2 3 3 4 5 6
            assertThat(round.medianEmployees()).isEqualByComparingTo("2.0");
            // ten said their revenue when they applied: 1 1 2 2 2.5 | 3 3 4 5 6 million
            assertThat(round.revenueBaselines()).isEqualTo(10);
            assertThat(round.baselineRevenue()).isEqualByComparingTo("2750000");
            // 1 1 1 1 1 1 | 2 2 2 3 4 5
            assertThat(round.baselineEmployees()).isEqualByComparingTo("1.5");
        });

        // applicants of one district: A's five graduates there and four not selected, C's three
        OutcomeReport.Report cipondoh = outcomes.report(agency(null, null, null, "Cipondoh", null));
        assertThat(cipondoh.totals().applicants()).isEqualTo(12);
        assertThat(cipondoh.totals().participants()).isEqualTo(5);
        assertThat(cipondoh.totals().completionPercent()).isEqualByComparingTo("100.0");
        assertThat(cipondoh.totals().repeatParticipants()).isEqualTo(1);
        assertThat(cipondoh.rounds()).singleElement().satisfies(round -> {
            assertThat(round.reported()).isEqualTo(5);
            assertThat(round.activePercent()).isEqualByComparingTo("100.0");
            assertThat(round.medianRevenue()).isEqualByComparingTo("3500000"); // 2 3 3.5 4 5 million
        });

        // a kind, a track, a year
        OutcomeReport.Report training = outcomes.report(agency(null, "PELATIHAN", null, null, null));
        assertThat(training.programmes()).extracting(OutcomeReport.Programme::id).containsExactly(food.id);
        assertThat(training.totals().costPerGraduate()).isEqualByComparingTo("3000000");
        assertThat(training.rounds().get(0).medianRevenue()).isEqualByComparingTo("3500000");
        assertThat(training.rounds().get(0).baselineRevenue()).isEqualByComparingTo("2500000");
        assertThat(outcomes.report(agency(null, null, "APPAREL", null, null)).programmes())
                .extracting(OutcomeReport.Programme::id).containsExactly(sewing.id, open.id);
        OutcomeReport.Report earlier = outcomes.report(agency(2025, null, null, null, null));
        assertThat(earlier.programmes()).extracting(OutcomeReport.Programme::id).containsExactly(open.id);
        assertThat(earlier.totals().completionPercent()).isNull();
        assertThat(earlier.totals().costPerGraduate()).isNull();
        assertThat(earlier.rounds()).isEmpty();
    }

    @Test
    void headsReadTheFiguresEachLinkingToItsProgrammesAndDownloadThem() throws Exception {
        PageBrowser head = new PageBrowser(port).signIn("department-head");
        String query = "instansi=" + URLEncoder.encode(fixture.agency, StandardCharsets.UTF_8);
        String page = head.get("/kerja/capaian?" + query).body();
        assertThat(page).contains("0,66", "23 pendaftar untuk 35 kursi di 3 program", "80,0 %",
                "12 lulus dari 15 peserta", "Rp 3.500.000", "14,3 % peserta pernah ikut program lain",
                "Rp 2.750.000", "Rp 3.750.000", "11 (91,7 %)", "Putaran 1", "id=\"grafik-omzet\"", ">1,5</span>", "<strong>2</strong> orang",
                "\"baselineRevenue\"")
                .containsPattern("/webjars/chart.js/[0-9.]+/dist/chart.umd.min.js")
                .contains("rincian=biaya#program");
        // a figure's programmes: the cost per graduate comes from A and B only
        String cost = head.get("/kerja/capaian?" + query + "&rincian=biaya").body();
        String table = cost.substring(cost.indexOf("id=\"program\""));
        assertThat(table).contains("Uji BIMTEK APPAREL", "Uji PELATIHAN FOOD", "Rp 3.750.000", "Rp 3.000.000")
                .doesNotContain("registration open").doesNotContain("Pendaftaran dibuka");
        // the same figures as a spreadsheet
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(head.get("/kerja/capaian/unduh.csv?" + query).body())).getRecords();
        assertThat(rows.get(0).get("kode")).startsWith("UJI-");
        assertThat(rows).filteredOn(row -> row.get("kode").equals("JUMLAH")).singleElement().satisfies(row -> {
            assertThat(row.get("pendaftar")).isEqualTo("23");
            assertThat(new BigDecimal(row.get("biaya_per_lulusan"))).isEqualByComparingTo("3500000");
            assertThat(row.get("persen_lulus")).isEqualTo("80.0");
        });
        // the charts' script and library are served by the application itself
        assertThat(head.get("/webjars/chart.js/dist/chart.umd.min.js").statusCode()).isEqualTo(200);
        assertThat(head.get("/kerja/capaian/grafik.js").body()).contains("new Chart(");
        // a year that is not one: a clear answer, not a 500
        java.net.http.HttpResponse<String> wrongYear = head.get("/kerja/capaian?tahun=dua-ribu");
        assertThat(wrongYear.statusCode()).isEqualTo(400);
        assertThat(wrongYear.body()).contains("Tahun anggaran “dua-ribu” tidak dikenal");
        // auditors read it too, with the programme's audit page one click away
        String audited = new PageBrowser(port).signIn("auditor").get("/kerja/capaian?" + query).body();
        assertThat(audited).contains("/audit/programs/" + sewing.id, "Audit program");
    }

    private OutcomeFilter agency(Integer year, String kind, String track, String district, String sector) {
        return new OutcomeFilter(year, kind, fixture.agency, track, district, sector);
    }
}
