package id.bimtek.operations;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The operator's figures reach Prometheus, for administrators only, and count what is there. */
@LifecycleTest
class OperationsMetricsTest {

    @Autowired TestRestTemplate http;
    @Autowired Lifecycle lifecycle;

    @Test
    void theOperatorsFiguresCountWhatIsThere() {
        double before = value(scrape(), "bimtek_tasks_open\\{age=\"under 1 day\",?}");
        lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String metrics = scrape();
        assertThat(value(metrics, "bimtek_tasks_open\\{age=\"under 1 day\",?}")).isEqualTo(before + 1);
        for (String name : new String[] {"bimtek_tasks_overdue", "bimtek_incidents_open", "bimtek_jobs_due",
                "bimtek_registrations_last_minute", "bimtek_notifications_pending"}) {
            assertThat(metrics).contains(name + " ");
        }
        HttpHeaders staff = new HttpHeaders();
        staff.setBasicAuth("staff", "staff");
        assertThat(http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(staff), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String scrape() {
        HttpHeaders admin = new HttpHeaders();
        admin.setBasicAuth("admin", "admin");
        ResponseEntity<String> answer = http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(admin), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(matcher.find()).as(series + " in\n" + metrics.lines().filter(l -> l.startsWith("bimtek")).toList()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
