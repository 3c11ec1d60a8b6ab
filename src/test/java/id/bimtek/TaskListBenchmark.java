package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.WebappSession;
import id.bimtek.support.LifecycleTest;
import id.bimtek.workflow.WorkflowTasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Not a unit test (surefire skips *Benchmark*): prints how the division head's task list answers as the
 * number of open tasks in the system grows to 1,000, 3,000 and 10,000: the first page of 15 over HTTP, and
 * the whole list (what the API returned before it was paged), and what Tasklist itself asks for the heads' filter (its
 * first 15 and its count, through the webapp's own API and session). At 10,000 open tasks Tasklist's count takes
 * seconds (see the README), so the last step takes long. Run it with
 * {@code mvn verify -Dtest=TaskListBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LifecycleTest
class TaskListBenchmark {

    private static final int[] OPEN_TASKS = {1_000, 3_000, 10_000};
    private static final int REQUESTS = 60;

    @Autowired Lifecycle lifecycle;
    @Autowired TestRestTemplate http;
    @Autowired WorkflowTasks tasks;

    @Test
    void theTaskListAtOneThreeAndTenThousandOpenTasks() {
        BudgetLine line = lifecycle.budgetLine(1_000_000_000_000L);
        HttpHeaders divisionHead = new HttpHeaders();
        divisionHead.setBasicAuth("division-head", "division-head");
        List<String> rows = new ArrayList<>();
        int open = 0;
        for (int target : OPEN_TASKS) {
            long started = System.nanoTime();
            for (; open < target; open++) {
                lifecycle.submitted(lifecycle.sewingBimtek(line));
            }
            System.out.printf("%d open review tasks (%.0f s to create)%n", target, (System.nanoTime() - started) / 1e9);
            double[] page = percentiles(() -> {
                ResponseEntity<String> answer = http.exchange("/api/tasks?size=15", HttpMethod.GET, new HttpEntity<>(divisionHead),
                        String.class);
                assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
                return answer.getHeaders().getFirst("X-Total-Count");
            });
            double[] all = percentiles(() -> tasks.openFor(Lifecycle.DIVISION_HEAD).size());
            // what Tasklist itself asks when the division head opens "Menunggu persetujuan saya": the first 15, and the count
            WebappSession tasklist = WebappSession.login(http.getRootUri(), "division-head", "tasklist");
            String filter = filterId(tasklist, "Menunggu persetujuan saya");
            String body = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"asc\"}],\"active\":true}";
            double[] tasklistPage = percentiles(() -> ok(tasklist.json("POST", "/camunda/api/engine/engine/default/filter/"
                    + filter + "/list?firstResult=0&maxResults=15", body)));
            double[] tasklistCount = percentiles(() -> ok(tasklist.json("POST", "/camunda/api/engine/engine/default/filter/"
                    + filter + "/count", body)));
            rows.add(String.format("| %,d | %.1f / %.1f ms | %.1f / %.1f ms | %.1f / %.1f ms | %.1f / %.1f ms |", target,
                    page[0], page[1], tasklistPage[0], tasklistPage[1], tasklistCount[0], tasklistCount[1], all[0], all[1]));
        }
        System.out.printf("%n== the division head's task list (p50 / p95 of %d sequential requests)%n"
                + "| open tasks | GET /api/tasks?size=15 (HTTP) | Tasklist's first 15 of its filter | Tasklist's count"
                + " | whole list (service, as before paging) |%n"
                + "| --- | --- | --- | --- | --- |%n%s%n%n", REQUESTS, String.join("\n", rows));
    }

    private static String ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String filterId(WebappSession tasklist, String name) {
        java.util.regex.Matcher filter = java.util.regex.Pattern.compile("\\{\"id\":\"([^\"]+)\"[^}]*\"name\":\"" + name + "\"")
                .matcher(ok(tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task")));
        assertThat(filter.find()).as("the filter " + name).isTrue();
        return filter.group(1);
    }

    private static double[] percentiles(Supplier<Object> request) {
        for (int i = 0; i < 5; i++) {
            request.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long started = System.nanoTime();
            request.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(millis);
        return new double[] {millis.get(REQUESTS / 2), millis.get((int) Math.ceil(REQUESTS * 0.95) - 1)};
    }
}
