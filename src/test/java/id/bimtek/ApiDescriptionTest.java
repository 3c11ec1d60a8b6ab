package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.support.LifecycleTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The API's description is generated from the code (springdoc), so it cannot drift from it; this checks that
 * the README, which people read first, promises nothing the description lacks.
 */
@LifecycleTest
class ApiDescriptionTest {

    /** `GET /api/programs/{id}` and `GET/POST /api/...` in the README's API table. */
    private static final Pattern ENDPOINT = Pattern.compile("`((?:GET|POST|PUT|DELETE)(?:/(?:GET|POST|PUT|DELETE))?) (/api/[^`\\s]*)");

    @Autowired TestRestTemplate http;

    @Test
    void everyEndpointTheReadmeNamesIsDescribedAndTheDescriptionNeedsALogin() throws IOException {
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders staff = new HttpHeaders();
        staff.setBasicAuth("staff", "staff");
        ResponseEntity<Map<String, Object>> description = http.exchange("/v3/api-docs", HttpMethod.GET, new HttpEntity<>(staff),
                new ParameterizedTypeReference<>() {
                });
        assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) description.getBody().get("paths");
        Set<String> described = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method ->
                described.add(method.toUpperCase() + " " + normalised(path))));
        assertThat(described).as("described operations").hasSizeGreaterThan(30);
        // a task's completion takes its typed command, each described with its constraints
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) description.getBody().get("components")).get("schemas");
        assertThat(schemas).containsKeys("DecisionCommand", "ClosingReport", "Item", "UnrecordedSessions", "MissingOutcomes");
        assertThat(paths.get("/api/tasks/{id}/complete").get("post").toString()).contains("oneOf", "DecisionCommand", "fileClosingReport");

        Set<String> promised = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher endpoint = ENDPOINT.matcher(line);
            while (endpoint.find()) {
                for (String method : endpoint.group(1).split("/")) {
                    promised.add(method + " " + normalised(endpoint.group(2)));
                }
            }
        }
        assertThat(promised).as("endpoints in the README").hasSizeGreaterThan(25);
        assertThat(promised).as("README endpoints missing from /v3/api-docs").isSubsetOf(described);
        assertThat(http.exchange("/swagger-ui/index.html", HttpMethod.GET, new HttpEntity<>(staff), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Without the optional parts the README writes in brackets, and with every path parameter written alike. */
    private static String normalised(String path) {
        return path.replaceAll("\\[[^]]*]", "").replaceAll("\\{[^}]*}", "{}").replaceAll("\\\\", "");
    }
}
