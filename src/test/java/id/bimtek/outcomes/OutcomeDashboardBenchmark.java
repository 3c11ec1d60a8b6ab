package id.bimtek.outcomes;

import id.bimtek.support.LifecycleTest;
import id.bimtek.support.PageBrowser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a unit test (surefire skips *Benchmark*): prints how fast a head gets the outcome dashboard over 200
 * programmes with 10,000 participants (14,000 applicants, two recorded monitoring rounds, a tenth of the
 * participants in more than one programme). Run it with
 * {@code mvn verify -Dtest=OutcomeDashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LifecycleTest
class OutcomeDashboardBenchmark {

    private static final int PROGRAMMES = 200;
    private static final int PARTICIPANTS_EACH = 50;
    private static final int APPLICANTS_EACH = 70;
    private static final int REQUESTS = 20;

    @Autowired JdbcTemplate jdbc;
    @Autowired OutcomeReport outcomes;
    @LocalServerPort int port;

    @Test
    void twoHundredProgrammesTenThousandParticipants() throws Exception {
        OutcomeFixture fixture = new OutcomeFixture(jdbc);
        try {
            long started = System.nanoTime();
            String[] kinds = {"BIMTEK", "PELATIHAN"};
            String[] tracks = {"APPAREL", "FOOD", "CRAFT", "DIGITAL"};
            for (int p = 0; p < PROGRAMMES; p++) {
                OutcomeFixture.Programme programme = fixture.programme(kinds[p % 2], 2024 + p % 3, tracks[p % 4],
                        "COMPLETED", 40_000_000 + p * 100_000L, PARTICIPANTS_EACH);
                // the first five participants took part in the programme before (its participants 11 to 15): one in ten comes back
                jdbc.update("""
                        insert into registration (program_id, batch_id, reference, nik, name, business_name, sector, district,
                                                  phone, status, completed, applied_at, monthly_revenue, employees)
                        select ?, ?, upper(substr(md5(random()::text), 1, 16)), (? + n)::text, 'Peserta ' || n, 'Usaha ' || n,
                               ?, (array['Cipondoh','Karawaci','Pinang','Ciledug','Tangerang'])[1 + n % 5], '081234567890',
                               case when g <= ? then 'CONFIRMED' else 'NOT_SELECTED' end,
                               case when g <= ? then g <= ? * 0.9 end, now(),
                               case when n % 4 > 0 then 1000000 + (n % 37) * 250000 end, 1 + n % 6
                          from generate_series(1, ?) g, lateral (select ? * ? + g - (case when g <= 5 then ? else 0 end) as n) a""",
                        programme.id, programme.batch(), fixture.nikBase(), tracks[p % 4], PARTICIPANTS_EACH,
                        PARTICIPANTS_EACH, PARTICIPANTS_EACH, APPLICANTS_EACH, p, APPLICANTS_EACH,
                        p == 0 ? 0 : APPLICANTS_EACH - 10);
                jdbc.update("update batch set taken = ? where id = ?", PARTICIPANTS_EACH, programme.batch());
                for (int round = 1; round <= 2; round++) {
                    jdbc.update("""
                            insert into outcome (program_id, registration_id, round, business_active, monthly_revenue,
                                                 employees, recorded_by)
                            select program_id, id, ?, id % 11 > 0, 1500000 + (id % 41) * 300000 * ?, 1 + id % 7, 'staff'
                              from registration where program_id = ? and completed""", round, round, programme.id);
                    programme.roundRecorded(round);
                }
            }
            System.out.printf("fixture: %d programmes, %d participants, %d applicants, %d outcomes written in %.1f s%n",
                    PROGRAMMES, count("registration r join program p on p.id = r.program_id where p.agency = ? and r.status = 'CONFIRMED'", fixture),
                    count("registration r join program p on p.id = r.program_id where p.agency = ?", fixture),
                    count("outcome o join program p on p.id = o.program_id where p.agency = ?", fixture),
                    (System.nanoTime() - started) / 1e9);
            jdbc.execute("analyze");

            OutcomeReport.Report report = outcomes.report(new OutcomeFilter(null, null, fixture.agency, null, null, null));
            System.out.printf("report: %d programmes, %d participants, %d repeat participants, %d rounds%n",
                    report.programmes().size(), report.totals().participants(), report.totals().repeatParticipants(),
                    report.rounds().size());

            OutcomeReport.Scope scope = OutcomeReport.Scope.of(new OutcomeFilter(null, null, fixture.agency, null, null, null));
            for (String query : List.of(OutcomeReport.PROGRAMMES, OutcomeReport.TOTALS, OutcomeReport.ROUNDS)) {
                jdbc.queryForList("explain analyze " + scope.with() + query, String.class, scope.parameters())
                        .forEach(line -> System.out.println("plan: " + line));
            }
            long start = System.nanoTime();
            outcomes.choices();
            System.out.printf("choices: %.1f ms%n", (System.nanoTime() - start) / 1e6);

            PageBrowser head = new PageBrowser(port).signIn("department-head");
            String agency = "instansi=" + URLEncoder.encode(fixture.agency, StandardCharsets.UTF_8);
            measure(head, "dashboard, one agency's 200 programmes", "/kerja/capaian?" + agency);
            measure(head, "dashboard, every programme in the database", "/kerja/capaian");
            measure(head, "dashboard, one year and one district", "/kerja/capaian?" + agency + "&tahun=2025&kecamatan=Pinang");
            measure(head, "CSV of the 200 programmes", "/kerja/capaian/unduh.csv?" + agency);
        } finally {
            fixture.remove();
        }
    }

    private long count(String from, OutcomeFixture fixture) {
        return jdbc.queryForObject("select count(*) from " + from, Long.class, fixture.agency);
    }

    private static void measure(PageBrowser browser, String what, String path) throws Exception {
        for (int i = 0; i < 5; i++) {
            if (browser.get(path).statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + browser.get(path).statusCode());
            }
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            browser.get(path);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("%-45s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d requests)%n", what,
                millis.get(REQUESTS / 2), millis.get((int) Math.ceil(REQUESTS * 0.95) - 1), millis.get(REQUESTS - 1), REQUESTS);
    }
}
