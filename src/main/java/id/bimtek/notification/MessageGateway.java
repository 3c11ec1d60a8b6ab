package id.bimtek.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Short messages to applicants' phones through an SMS or WhatsApp gateway. Indonesian gateway services take
 * a plain HTTP POST; this adapter is configured, not coded, per service: {@code lifecycle.notifications.gateway.url},
 * {@code .token} (sent as {@code Authorization: Bearer}) and {@code .body} (a JSON template in which
 * {@code {phone}} and {@code {text}} become JSON strings). Without a URL, messages are only counted as
 * delivered in the log, never with their text (it carries the applicant's reference).
 */
@Component
public class MessageGateway {

    static final String DEFAULT_BODY = "{\"to\": {phone}, \"message\": {text}}";

    private final URI url;
    private final String token;
    private final String body;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public MessageGateway(@Value("${lifecycle.notifications.gateway.url:}") String url,
                          @Value("${lifecycle.notifications.gateway.token:}") String token,
                          @Value("${lifecycle.notifications.gateway.body:}") String body) {
        this.url = url == null || url.isBlank() ? null : URI.create(url.trim());
        this.token = token;
        this.body = body == null || body.isBlank() ? DEFAULT_BODY : body;
    }

    public boolean configured() {
        return url != null;
    }

    /** Sends one message; any answer but 2xx is a failure for the outbox to retry. */
    public void send(String phone, String text) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("{phone}", quoted(phone)).replace("{text}", quoted(text))));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.trim());
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            String reply = answer.body() == null ? "" : answer.body();
            throw new IOException("the message gateway answered " + answer.statusCode() + ": "
                    + (reply.length() > 200 ? reply.substring(0, 200) : reply));
        }
    }

    private String quoted(String value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
