package id.bimtek.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.bimtek.cancellation.CancellationService;
import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applicants are told, on the phone number they registered with, in the transaction of the change:
 * registered or waitlisted (with their reference), a seat offered (with the answer deadline in WIB), the
 * programme cancelled. A gateway that is down delays a message, never loses it.
 */
@LifecycleTest
class ApplicantMessagesTest {

    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired CancellationService cancellation;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired NotificationProperties properties;

    @Test
    void applicantsHearOfTheirPlaceASeatOfferedAndACancellation() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        RegistrationView first = lifecycle.register(program, "Siti Aminah");
        RegistrationView second = lifecycle.register(program, "Dewi Lestari");
        assertThat(messagesTo(first)).singleElement().satisfies(message -> {
            assertThat(message).containsEntry("kind", "REGISTRATION_REGISTERED").containsEntry("recipient_phone", "081212345678");
            assertThat((String) message.get("body")).contains(first.reference(), "Gelombang 1", "/daftar/cek");
        });
        assertThat(messagesTo(second)).singleElement().satisfies(message -> assertThat((String) message.get("body"))
                .contains("daftar tunggu", "nomor 1", second.reference()));

        // a withdrawal that rolls back tells nobody of a seat
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            registrations.withdraw(program.getId(), first.id(), first.nik(), first.reference());
            status.setRollbackOnly();
        });
        assertThat(messagesTo(second)).hasSize(1);

        registrations.withdraw(program.getId(), first.id(), first.nik(), first.reference());
        Timestamp answerBy = jdbc.queryForObject("select offer_expires_at from registration where id = ?", Timestamp.class,
                second.id());
        String deadline = DateTimeFormatter.ofPattern("d MMMM yyyy 'pukul' HH:mm 'WIB'", Locale.forLanguageTag("id"))
                .withZone(id.bimtek.shared.Wib.ZONE).format(answerBy.toInstant());
        assertThat(messagesTo(second)).filteredOn(message -> "SEAT_OFFERED".equals(message.get("kind"))).singleElement()
                .satisfies(message -> assertThat((String) message.get("body")).contains(deadline, "/daftar/cek")
                        .doesNotContain(second.reference()));

        // twelve hours before the 48-hour offer ends, the applicant who has not answered is reminded
        lifecycle.passTime(java.time.Duration.ofHours(37));
        assertThat(messagesTo(second)).filteredOn(message -> "SEAT_OFFER_REMINDER".equals(message.get("kind"))).singleElement()
                .satisfies(message -> assertThat((String) message.get("body")).contains("Pengingat", deadline));

        cancellation.requestCancellation(program.getId(), "Instruktur berhalangan", Lifecycle.DEPARTMENT_HEAD.id());
        assertThat(messagesTo(second)).filteredOn(message -> "PROGRAM_CANCELLED".equals(message.get("kind"))).singleElement()
                .satisfies(message -> assertThat((String) message.get("body")).contains("dibatalkan", "Instruktur berhalangan"));
        assertThat(messagesTo(first)).extracting(message -> message.get("kind")).doesNotContain("PROGRAM_CANCELLED");
    }

    @Test
    void theConfirmedListTellsEachApplicantWhetherAndWhereToCome() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        RegistrationView participant = lifecycle.register(program, "Siti Aminah");
        RegistrationView waiting = lifecycle.register(program, "Dewi Lestari");
        lifecycle.passTime(java.time.Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", Lifecycle.STAFF, Map.of());
        var batch = lifecycle.program(program.getId()).getBatches().get(0);
        String day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id")).format(batch.getStartDate());
        assertThat(messagesTo(participant)).filteredOn(message -> "PARTICIPANT_CONFIRMED".equals(message.get("kind")))
                .singleElement().satisfies(message -> assertThat((String) message.get("body"))
                        .contains("Selamat", day, batch.getVenue(), "Gelombang 1"));
        assertThat(messagesTo(waiting)).filteredOn(message -> "NOT_SELECTED".equals(message.get("kind")))
                .singleElement().satisfies(message -> assertThat((String) message.get("body")).contains("belum terpilih"));
    }

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        lifecycle.resetClock();
    }

    @Test
    void aGatewayThatIsDownDelaysAMessageAndNeverLosesIt() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        RegistrationView applicant = lifecycle.register(program, "Rina Wati");
        long message = jdbc.queryForObject("select id from notification where registration_id = ?", Long.class, applicant.id());

        AtomicBoolean down = new AtomicBoolean(true);
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer gatewayServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gatewayServer.createContext("/kirim", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = down.get() ? 503 : 200;
            if (status == 200) {
                delivered.add(body);
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gatewayServer.start();
        try {
            MessageGateway gateway = new MessageGateway("http://127.0.0.1:" + gatewayServer.getAddress().getPort() + "/kirim",
                    "rahasia", null);
            OutboxSender sender = new OutboxSender(jdbc,
                    new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), properties, gateway);
            sender.sendAllDue();
            Map<String, Object> failed = jdbc.queryForMap("select sent_at, attempts, last_error from notification where id = ?", message);
            assertThat(failed.get("sent_at")).isNull();
            assertThat((String) failed.get("last_error")).contains("503");

            down.set(false);
            jdbc.update("update notification set next_attempt_at = now() where id = ?", message);
            sender.sendAllDue();
            sender.sendAllDue();
        } finally {
            gatewayServer.stop(0);
        }
        assertThat(jdbc.queryForObject("select sent_at is not null from notification where id = ?", Boolean.class, message)).isTrue();
        assertThat(delivered).filteredOn(body -> body.contains(applicant.reference())).singleElement()
                .satisfies(body -> assertThat(body).contains("\"to\": \"081212345678\""));
        assertThat(authorizations).contains("Bearer rahasia");
    }

    private List<Map<String, Object>> messagesTo(RegistrationView registration) {
        return jdbc.queryForList("select kind, recipient_phone, body from notification where registration_id = ? order by id",
                registration.id());
    }
}
