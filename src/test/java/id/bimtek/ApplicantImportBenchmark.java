package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Not a unit test (surefire skips *Benchmark*): prints how long staff wait for an import of 2,000 applicants
 * (1,500 seats, the rest waitlisted) over HTTP. Run it with
 * {@code mvn verify -Dtest=ApplicantImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LifecycleTest
class ApplicantImportBenchmark {

    private static final int ROWS = 2_000;

    @Autowired Lifecycle lifecycle;
    @Autowired TestRestTemplate http;

    @Test
    void importOfTwoThousandApplicants() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1_500, 1, 10_000_000));
        String file = "nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang;nib\n" + IntStream.range(0, ROWS)
                .mapToObj(i -> String.format("3671014508%02d%04d;Peserta %d;Usaha %d;APPAREL;Cibodas;081212345678;Gelombang 1;%013d\n",
                        i / 9_999, 1 + i % 9_999, i, i, i))
                .collect(Collectors.joining());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        headers.setBasicAuth("staff", "staff");

        long started = System.nanoTime();
        ResponseEntity<Map<String, Object>> report = http.exchange("/api/programs/" + program.getId() + "/registrations/import",
                HttpMethod.POST, new HttpEntity<>(file.getBytes(StandardCharsets.UTF_8), headers),
                new ParameterizedTypeReference<>() {
                });
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody()).containsEntry("totals", Map.of("registered", 1_500, "waitlisted", 500, "applied", 0, "refused", 0, "invalid", 0));
        System.out.printf("%n== import of %d rows (%d KB): %d ms, %.1f ms per row, %.0f rows/s%n%n", ROWS,
                file.length() / 1024, millis, (double) millis / ROWS, ROWS * 1000.0 / millis);
    }
}
