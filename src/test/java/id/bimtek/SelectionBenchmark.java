package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.CompletionBasis;
import id.bimtek.proposal.DeliveryMode;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.proposal.ProgramRequest.BatchRequest;
import id.bimtek.proposal.ProgramRequest.BudgetItemRequest;
import id.bimtek.registration.ApplicantImport;
import id.bimtek.registration.ImportReport;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.support.Latency;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.PageBrowser;
import id.bimtek.support.LifecycleTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a unit test (surefire skips *Benchmark*): the Dinas Koperasi dan UKM Kota Tangerang's two waves of 80
 * chosen from 10,555 registered UMKM. Prints the import rate, how long the deadline step (ranking every
 * application) takes through the engine, and how long confirming the list takes. Run it with
 * {@code mvn verify -Dtest=SelectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LifecycleTest
class SelectionBenchmark {

    private static final int APPLICANTS = 10_555;
    /** Requests each, after twenty to warm up (Latency), as in the 1,000-participant benchmark: a p95 of 20 was the second worst. */
    private static final int REQUESTS = 50;

    @Autowired Lifecycle lifecycle;
    @Autowired ApplicantImport applicantImport;
    @Autowired RegistrationService registrations;
    @Autowired id.bimtek.audit.AuditTrail audit;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    private static String ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @AfterEach
    void resetClock() {
        lifecycle.resetClock();
    }

    @Test
    void twoWavesOf80From10555Applicants() throws Exception {
        String agency = "Dinas Koperasi dan UKM Kota Tangerang";
        BudgetLine line = lifecycle.budgetLine(500_000_000, id.bimtek.budget.FundingSource.APBD, agency);
        LocalDate day = Lifecycle.firstSessionDay();
        Program program = lifecycle.approved(new ProgramRequest("Pengembangan Produk Unggulan Daerah Berbasis Produk", "BIMTEK",
                agency, null, line.getCode(), line.getFiscalYear(), OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(7), 1, 80,
                List.of("P3M"), List.of("MAKANAN", "FASHION"),
                List.of(new BatchRequest("Gelombang Makanan", List.of("MAKANAN"), day, day.plusDays(1), "Gedung Cisadane",
                                DeliveryMode.OFFLINE, 80, 2),
                        new BatchRequest("Gelombang Fashion", List.of("FASHION"), day.plusDays(2), day.plusDays(3),
                                "Gedung Cisadane", DeliveryMode.OFFLINE, 80, 2)),
                List.of(new BudgetItemRequest("Konsumsi dan bahan", BigDecimal.valueOf(40_000_000))),
                AllocationMode.SELECTION, null, null, CompletionBasis.SESSIONS));
        StringBuilder file = new StringBuilder("nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang;skala_usaha;tanggal_daftar\n");
        for (int i = 0; i < APPLICANTS; i++) {
            boolean food = i % 3 != 0;
            // about 3 % leave the business size blank, as in the list that once stopped the ranking
            file.append(String.format("%s450890%04d", i < 9_999 ? "367106" : "367107", 1 + i % 9_999))
                    .append(";Pelaku UMKM ").append(i).append(";Usaha ").append(i).append(';')
                    .append(food ? "MAKANAN" : "FASHION").append(";Cibodas;081212345678;")
                    .append(food ? "Gelombang Makanan" : "Gelombang Fashion").append(';')
                    .append(i % 33 == 0 ? "" : List.of("mikro", "kecil", "menengah").get(i % 3)).append(';')
                    .append(day.minusDays(30 + i % 20)).append('\n');
        }

        long started = System.nanoTime();
        ImportReport report = applicantImport.importCsv(program.getId(), file.toString().getBytes(StandardCharsets.UTF_8), "staff");
        long importMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(report.totals().applied()).isEqualTo(APPLICANTS);

        started = System.nanoTime();
        lifecycle.passTime(Duration.ofDays(8));
        long rankingMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("confirmParticipants");

        started = System.nanoTime();
        lifecycle.complete(program, "confirmParticipants", Lifecycle.STAFF, Map.of());
        long confirmMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(registrations.ofProgram(program.getId())).filteredOn(r -> r.status() == RegistrationStatus.CONFIRMED)
                .hasSize(160);

        System.out.printf("%n== selection of 160 from %d applicants: import %d ms (%.0f rows/s), deadline step with ranking"
                + " %d ms, confirming the list %d ms%n%n", APPLICANTS, importMillis, APPLICANTS * 1000.0 / importMillis,
                rankingMillis, confirmMillis);

        // what the auditor reads of it: the trail holds a record for every application
        String base = "/audit/programs/" + program.getId();
        PageBrowser auditor = new PageBrowser(port).signIn("auditor");
        System.out.printf("audit trail of the selection: %d records%n", audit.of(program.getId()).size());
        Latency.print("auditor's page (stages folded, paged)", REQUESTS, () -> ok(auditor.get(base)).length());
        Latency.print("auditor's page, registration stage, page 30", REQUESTS,
                () -> ok(auditor.get(base + "?stage=REGISTRATION&hal=30")).length());
        for (String export : List.of("/audit.json", "/audit.csv", "/audit.pdf")) {
            Latency.print("export " + export, REQUESTS, () -> auditor.get(base + export).body().length());
        }
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest verify = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/programs/" + program.getId() + "/audit/verify"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("auditor:auditor".getBytes()))
                .build();
        Latency.print("chain verification", REQUESTS, () -> ok(client.send(verify,
                java.net.http.HttpResponse.BodyHandlers.ofString())).length());
        // the document itself, to look at (pdftoppm -f 1 -l 2 -png target/selection-audit.pdf target/selection-audit)
        client.send(java.net.http.HttpRequest.newBuilder(verify.uri().resolve("/api/programs/" + program.getId() + "/audit.pdf"))
                        .header("Authorization", verify.headers().firstValue("Authorization").orElseThrow()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofFile(java.nio.file.Path.of("target/selection-audit.pdf"),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING));
    }
}
