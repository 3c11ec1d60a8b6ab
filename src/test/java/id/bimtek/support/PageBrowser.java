package id.bimtek.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the server-rendered pages without a browser engine: it follows no redirects, keeps its session
 * cookie and sends the CSRF token of the last page it read, as a form would.
 */
public final class PageBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;
    private String csrf;

    public PageBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    public PageBrowser signIn(String user) throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Kata sandi");
        HttpResponse<String> signedIn = post("/login", Map.of("username", user, "password", user), true);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Follows the redirect a form post answers with, as a browser would. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).as("a redirect").isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return get(location.startsWith("http") ? URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location);
    }

    public HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf) throws Exception {
        return post(path, new ArrayList<>(form.entrySet()), withCsrf);
    }

    /** A form post whose fields may repeat (ticked boxes of one name). */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form, boolean withCsrf) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach(field -> body.append(body.isEmpty() ? "" : "&").append(field.getKey()).append('=')
                .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)));
        if (withCsrf) {
            body.append(body.isEmpty() ? "" : "&").append("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A form with a file, as {@code multipart/form-data}, with the CSRF token as one of its fields. */
    public HttpResponse<String> postFile(String path, String field, String filename, byte[] content) throws Exception {
        String boundary = "----bimtek" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String csrfPart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n";
        body.write(csrfPart.getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().ifPresent(cookie -> session = cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')));
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }
}
