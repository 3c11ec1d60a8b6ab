package id.bimtek;

import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import id.bimtek.audit.AuditTrail;
import id.bimtek.closing.Certificates;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A graduate's certificate: a PDF that names the programme, the dates and the hours, with a QR code that leads
 * to a public page saying whether it is genuine; a withdrawn one says so there and can no longer be downloaded.
 */
@LifecycleTest
class CertificateTest {

    @Autowired WebApplicationContext context;
    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired AttendanceService attendance;
    @Autowired Certificates certificates;
    @Autowired AuditTrail audit;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    MockMvc mvc;

    @BeforeEach
    void browser() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void aGraduateDownloadsACertificateWhoseQrCodeVerifiesItUntilItIsWithdrawn() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 3, 1, 10_000_000));
        RegistrationView siti = lifecycle.register(program, "Siti Aminah");
        RegistrationView dewi = lifecycle.register(program, "Dewi Lestari");
        RegistrationView absent = lifecycle.register(program, "Rina Wati");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        long batch = program.getBatches().get(0).getId();
        lifecycle.sessionsHeld(program);
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batch, session, List.of(siti.id(), dewi.id()), STAFF.id());
        }
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        String number = registrations.view(program.getId(), siti.id()).certificateNumber();
        assertThat(number).isEqualTo(program.getCode() + "/SERT/001");
        assertThat(registrations.view(program.getId(), absent.id()).certificateNumber()).isNull();
        // graduates are told, by the transaction that issued the certificates
        assertThat(jdbc.queryForList("select body from notification where registration_id = ? and kind = 'CERTIFICATE_READY'",
                String.class, siti.id())).singleElement().satisfies(body -> assertThat(body).contains(number, "/daftar/cek"));
        assertThat(jdbc.queryForObject("select count(*) from notification where registration_id = ? and kind = 'CERTIFICATE_READY'",
                Integer.class, absent.id())).isZero();

        // the graduate proves it is hers with NIK and reference, as everywhere on the lookup page
        assertThat(mvc.perform(post("/daftar/cek/sertifikat").param("nik", siti.nik()).param("reference", "AAAAA-AAAAA")
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        MvcResult download = mvc.perform(post("/daftar/cek/sertifikat").param("nik", siti.nik())
                .param("reference", siti.reference()).with(csrf())).andReturn();
        assertThat(download.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        try (PDDocument pdf = Loader.loadPDF(download.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("SERTIFIKAT", "Nomor: " + number, "Siti Aminah", "Konveksi Siti Aminah",
                    program.getTitle(), "Gelombang 1 (APPAREL)", "24 jam pelajaran", Lifecycle.TANGERANG);
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
            String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page)))).getText();
            assertThat(scanned).isEqualTo(certificates.verificationUrl(number)).endsWith("/sertifikat/" + number);
        }

        // the page the QR code leads to: genuine, the name partly masked, nothing else about her
        String genuine = page("/sertifikat/" + number, 200);
        assertThat(genuine).contains("data-state=\"GENUINE\"", "Sertifikat ini asli", "Si** Am****", program.getTitle())
                .doesNotContain("Siti Aminah", siti.nik(), siti.reference());
        assertThat(page("/sertifikat/" + program.getCode() + "/SERT/999", 404)).contains("Tidak ada sertifikat");

        // staff print the batch in one file
        MvcResult printed = mvc.perform(get("/api/programs/" + program.getId() + "/batches/" + batch + "/certificates.pdf")
                .with(httpBasic("staff", "staff"))).andReturn();
        try (PDDocument pdf = Loader.loadPDF(printed.getResponse().getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
        }

        // withdrawn (a duplicate NIK found later): the page says so, the download is refused, the trail has it
        assertThat(mvc.perform(post("/api/certificates/withdraw").with(httpBasic("staff", "staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"number\":\"" + number + "\",\"reason\":\"NIK ganda\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/certificates/withdraw").with(httpBasic("department-head", "department-head"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"number\":\"" + number + "\",\"reason\":\"NIK ganda\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(page("/sertifikat/" + number, 200)).contains("data-state=\"WITHDRAWN\"", "telah dicabut")
                .doesNotContain("Si** Am****");
        assertThat(mvc.perform(post("/daftar/cek/sertifikat").param("nik", siti.nik()).param("reference", siti.reference())
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(audit.of(program.getId())).filteredOn(record -> record.kind().equals("CERTIFICATE_WITHDRAWN"))
                .singleElement().satisfies(record -> {
                    assertThat(record.actor()).isEqualTo("department-head");
                    assertThat(record.detail()).isEqualTo("NIK ganda");
                });
        try (PDDocument pdf = Loader.loadPDF(mvc.perform(get("/api/programs/" + program.getId() + "/batches/" + batch
                + "/certificates.pdf").with(httpBasic("staff", "staff"))).andReturn().getResponse().getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
        }
    }

    private String page(String path, int status) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(status);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
