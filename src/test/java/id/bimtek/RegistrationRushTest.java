package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A rush on a popular Bimtek: 1,000 applicants at once, over HTTP, for 39 seats. */
@LifecycleTest
class RegistrationRushTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired Lifecycle lifecycle;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
    }

    @Test
    void aThousandApplicantsAtOnceFillExactlyTheSeatsAndWaitlistTheRest() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 39, 1, 10_000_000));
        String path = "/api/programs/" + program.getId() + "/registrations";
        List<Callable<ResponseEntity<Map<String, Object>>>> applicants = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Map<String, Object> body = Map.of("nik", Lifecycle.nextNik(), "name", "Pelamar " + i, "businessName", "Usaha " + i,
                    "sector", "APPAREL", "district", "Cibodas", "phone", "081212345678", "batch", "Gelombang 1");
            applicants.add(() -> http.exchange(path, HttpMethod.POST, new HttpEntity<>(body), OBJECT));
        }
        List<Map<String, Object>> answers = runAtOnce(applicants, 32);
        assertThat(answers).allSatisfy(answer -> assertThat(answer).containsKey("status"));
        assertThat(answers).filteredOn(a -> "REGISTERED".equals(a.get("status"))).hasSize(39);
        assertThat(answers).filteredOn(a -> "WAITLISTED".equals(a.get("status"))).hasSize(961);
        assertThat(answers.stream().map(a -> a.get("waitlistPosition")).filter(java.util.Objects::nonNull).distinct()).hasSize(961);

        // withdrawals race against latecomers: the batch stays exactly full, each freed seat offered to the next in line
        List<Map<String, Object>> seated = answers.stream().filter(a -> "REGISTERED".equals(a.get("status"))).toList();
        List<Callable<ResponseEntity<Map<String, Object>>>> race = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> leaving = seated.get(i);
            race.add(() -> http.exchange(path + "/withdraw", HttpMethod.POST,
                    new HttpEntity<>(Map.of("nik", leaving.get("nik"), "reference", leaving.get("reference"))), OBJECT));
            Map<String, Object> late = Map.of("nik", Lifecycle.nextNik(), "name", "Terlambat " + i, "businessName", "Usaha",
                    "sector", "APPAREL", "district", "Cibodas", "phone", "081212345678", "batch", "Gelombang 1");
            race.add(() -> http.exchange(path, HttpMethod.POST, new HttpEntity<>(late), OBJECT));
        }
        runAtOnce(race, 32);
        assertThat(count(program, "REGISTERED")).isEqualTo(39 - 30);
        assertThat(count(program, "OFFERED")).isEqualTo(30);
        assertThat(lifecycle.runningSeatOffers(program)).hasSize(30);
        assertThat(count(program, "WITHDRAWN")).isEqualTo(30);
        assertThat(count(program, "WAITLISTED")).isEqualTo(1_000 + 30 - 39 - 30);
        assertThat(jdbc.queryForObject("select taken from batch where program_id = ?", Integer.class, program.getId())).isEqualTo(39);
        assertThat(jdbc.queryForObject("select count(distinct nik) = count(*) from registration where program_id = ?",
                Boolean.class, program.getId())).isTrue();
    }

    private int count(Program program, String status) {
        return jdbc.queryForObject("select count(*) from registration where program_id = ? and status = ?", Integer.class,
                program.getId(), status);
    }

    /** Every call from a pool of threads, released at the same moment; every answer must be a success. */
    private static List<Map<String, Object>> runAtOnce(List<Callable<ResponseEntity<Map<String, Object>>>> calls, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ResponseEntity<Map<String, Object>>>> futures = new ArrayList<>();
            for (Callable<ResponseEntity<Map<String, Object>>> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Map<String, Object>> answers = new ArrayList<>();
            for (Future<ResponseEntity<Map<String, Object>>> future : futures) {
                ResponseEntity<Map<String, Object>> response = future.get();
                assertThat(response.getStatusCode()).as("%s", response.getBody()).isIn(HttpStatus.OK, HttpStatus.CREATED);
                answers.add(response.getBody());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
