package id.bimtek.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.bimtek.shared.Roles;
import id.bimtek.support.LifecycleTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server (GreenMail) on the port the shared test context was given. */
@LifecycleTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationOutboxTest {

    @Autowired Notifications notifications;
    @Autowired id.bimtek.registration.RegistrationService registrations;
    @Autowired id.bimtek.support.Lifecycle lifecycle;
    @org.springframework.boot.test.web.server.LocalServerPort int port;
    @Autowired OutboxSender sender;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;

    private GreenMail smtp;

    @BeforeEach
    void startSmtpServer() {
        smtp = startSmtp();
    }

    @AfterEach
    void stopSmtpServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aNotificationOfARolledBackTransactionIsNeverSent() throws Exception {
        String subject = unique("Usulan ditolak");
        long id = inTransaction(status -> {
            long rowId = notifications.toUser("staff", Notifications.DECISION, null, subject, "Tidak jadi.");
            status.setRollbackOnly();
            return rowId;
        });

        sender.sendAllDue();

        assertThat(jdbc.queryForObject("select count(*) from notification where id = ?", Long.class, id)).isZero();
        assertThat(received(subject)).isEmpty();
    }

    @Test
    void anApplicantWhoGaveAnAddressIsMailedTooAndStaffSeeWhatBecameOfEachMessage(CapturedOutput log) throws Exception {
        var program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String address = "siti." + System.nanoTime() + "@contoh.id";
        var siti = registrations.register(program.getId(), new id.bimtek.registration.RegistrationRequest(
                id.bimtek.support.Lifecycle.nextNik(), "Siti Aminah", "Konveksi Siti", "APPAREL", "Cibodas", "081212345678",
                "Gelombang 1", null, null, null, null, " " + address + " "));
        // one row per channel, written with the registration
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select recipient_phone, recipient_email, subject from notification where registration_id = ? order by id""",
                siti.id());
        assertThat(rows).extracting(row -> row.get("recipient_phone")).containsExactly("081212345678", null);
        assertThat(rows.get(1)).containsEntry("recipient_email", address).containsEntry("subject", "Pendaftaran Anda diterima");

        sender.sendAllDue();

        assertThat(received("Pendaftaran Anda diterima")).filteredOn(mail -> recipients(mail).contains(address))
                .singleElement().satisfies(mail -> assertThat(GreenMailUtil.getBody(mail)).contains(siti.reference(), "/daftar/cek"));
        // the address and the reference stay out of the application's log (the test's own SMTP server logs its users)
        assertThat(log.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail")))
                .noneMatch(line -> line.contains(address) || line.contains(siti.reference()));

        // staff see each message's state, recipients masked; no gateway is configured here, so the SMS was not sent
        String page = new id.bimtek.support.PageBrowser(port).signIn("staff")
                .get("/kerja/program/" + program.getId() + "/pesan").body();
        assertThat(page).contains("0812****5678", "s***@contoh.id", "Pendaftaran Anda diterima", "terkirim",
                        "tidak dikirim", "layanan SMS/WhatsApp belum diatur")
                .doesNotContain(address).doesNotContain(siti.reference());
    }

    private static String recipients(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCommittedNotificationIsMailedToTheUser() throws Exception {
        String subject = unique("Tugas baru: Review usulan Bimtek Menjahit");
        long id = inTransaction(status -> notifications.toUser("division-head", Notifications.TASK_ASSIGNED, 42L, subject,
                "Usulan \"Bimtek Pengembangan Produk Industri: Menjahit\" menunggu review Anda.\nTerima kasih."));

        assertThat(sender.sendAllDue()).isPositive();

        List<MimeMessage> mails = received(subject);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly("division-head@bimtek.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("noreply@bimtek.example");
        assertThat(GreenMailUtil.getBody(mail)).contains("menunggu review Anda");
        Map<String, Object> row = row(id);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("recipient_email")).isEqualTo("division-head@bimtek.example");
        assertThat(row.get("program_id")).isEqualTo(42L);

        // sent once only
        sender.sendAllDue();
        assertThat(received(subject)).hasSize(1);
    }

    @Test
    void aGroupNotificationReachesEveryMemberWhateverTheActingUserMayRead() throws Exception {
        String subject = unique("Persetujuan anggaran menunggu");
        // a delegate runs with the acting user's engine authentication, and staff may not read other users
        identity.setAuthentication("staff", List.of(Roles.STAFF));
        List<Long> ids;
        try {
            ids = inTransaction(status -> notifications.toGroup(Roles.DEPARTMENT_HEAD, Notifications.TASK_ASSIGNED, null,
                    subject, "Mohon persetujuan anggaran."));
            assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("staff");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(ids).hasSize(2);

        sender.sendAllDue();

        assertThat(received(subject)).flatMap(mail -> Arrays.asList(mail.getRecipients(Message.RecipientType.TO)))
                .map(Object::toString)
                .containsExactlyInAnyOrder("department-head@bimtek.example", "department-secretary@bimtek.example");
    }

    @Test
    void whileTheMailServerIsDownTheNotificationWaitsAndIsSentOnceItIsBack() throws Exception {
        smtp.stop();
        String subject = unique("Pengingat: laporan penutupan");
        long id = inTransaction(status -> notifications.toUser("staff", Notifications.REMINDER, null, subject,
                "Laporan penutupan belum diisi."));

        sender.sendAllDue();

        Map<String, Object> failed = row(id);
        assertThat(failed.get("sent_at")).isNull();
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((String) failed.get("last_error")).isNotBlank();
        assertThat(jdbc.queryForObject("select next_attempt_at > now() + interval '20 seconds' from notification where id = ?",
                Boolean.class, id)).as("backed off").isTrue();

        // not due yet: the next round leaves it alone
        sender.sendAllDue();
        assertThat(row(id).get("attempts")).isEqualTo(1);

        // the server is back and the back-off has passed
        smtp = startSmtp();
        jdbc.update("update notification set next_attempt_at = now() where id = ?", id);
        sender.sendAllDue();

        assertThat(received(subject)).hasSize(1);
        Map<String, Object> sent = row(id);
        assertThat(sent.get("sent_at")).isNotNull();
        assertThat(sent.get("attempts")).isEqualTo(2);
        assertThat(sent.get("last_error")).isNull();
    }

    @Test
    void withoutAMailServerConfiguredNotificationsAreLogged(CapturedOutput output) {
        String subject = unique("Usulan disetujui");
        long id = inTransaction(status -> notifications.toUser("staff", Notifications.DECISION, 7L, subject,
                "Usulan Anda disetujui.\nSilakan lanjutkan."));
        NotificationProperties properties = new NotificationProperties("noreply@bimtek.example", Duration.ofSeconds(5),
                true, 20, Duration.ofSeconds(30), Duration.ofHours(1));
        OutboxSender withoutMail = new OutboxSender(jdbc, new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
                properties, new MessageGateway("", "", ""));

        withoutMail.sendAllDue();

        assertThat(output.getOut()).contains("Notification #" + id + " DECISION to staff <staff@bimtek.example> (program 7): "
                + subject + " | Usulan Anda disetujui. / Silakan lanjutkan.");
        assertThat(row(id).get("sent_at")).isNotNull();
        assertThat(received(subject)).isEmpty();
    }

    @Test
    void notificationsNeedTheCallersTransaction() {
        assertThatThrownBy(() -> notifications.toUser("staff", Notifications.DECISION, null, "Subjek", "Isi"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> inTransaction(status ->
                notifications.toUser("staff", "task assigned", null, "Subjek", "Isi")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBackOffDoublesUpToItsCap() {
        NotificationProperties properties = new NotificationProperties("noreply@bimtek.example", Duration.ofSeconds(5),
                true, 20, Duration.ofSeconds(30), Duration.ofHours(1));
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(properties.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(mailSender.getPort(), mailSender.getHost(), ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private <T> T inTransaction(org.springframework.transaction.support.TransactionCallback<T> work) {
        return new TransactionTemplate(transactionManager).execute(work);
    }

    private List<MimeMessage> received(String subject) {
        List<MimeMessage> matching = new java.util.ArrayList<>();
        try {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (subject.equals(message.getSubject())) {
                    matching.add(message);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return matching;
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select * from notification where id = ?", id);
    }

    private static String unique(String subject) {
        return subject + " #" + System.nanoTime();
    }
}
