package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.support.LifecycleTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A signed-in user's session lives in PostgreSQL (Spring Session JDBC), not in one node's memory: another node
 * of the cluster finds it by its cookie. The two-node run in .ci/cluster.py moves a user between live nodes.
 */
@LifecycleTest
class SessionStoreTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSignedInSessionIsStoredInTheDatabase() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String loginPage = client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).as("the login form's CSRF token").isTrue();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=auditor&password=auditor&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/audit");

        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'auditor'", Integer.class))
                .isPositive();
        HttpResponse<String> audit = client.send(HttpRequest.newBuilder(URI.create(base() + "/audit")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(audit.statusCode()).isEqualTo(200);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
