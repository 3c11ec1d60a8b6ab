package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.delivery.AttendanceService;
import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What staff print: the attendance sheet of a session, the list of participants, the closing report (LPJ). */
@LifecycleTest
class PrintablesTest {

    @Autowired TestRestTemplate http;
    @Autowired Lifecycle lifecycle;
    @Autowired AttendanceService attendance;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void theAttendanceSheetTheParticipantListAndTheClosingReportPrint() throws IOException {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 3, 1, 10_000_000, 5_000_000));
        RegistrationView siti = lifecycle.register(program, "Siti Aminah");
        RegistrationView dewi = lifecycle.register(program, "Dewi Lestari");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        long batch = program.getBatches().get(0).getId();

        String sheet = pdfText("/api/programs/" + program.getId() + "/batches/" + batch + "/sessions/2/attendance-sheet.pdf",
                "staff");
        assertThat(sheet).contains("Daftar Hadir Peserta", "Gelombang 1", "Sesi", "2: Sesi 2", "SMKN 3 Kota Tangerang",
                "Dewi Lestari", "Siti Aminah", siti.nik(), "Tanda tangan", "2 peserta");
        assertThat(get("/api/programs/" + program.getId() + "/batches/" + batch + "/sessions/2/attendance-sheet.pdf",
                "division-head").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/programs/" + program.getId() + "/batches/" + batch + "/sessions/9/attendance-sheet.pdf",
                "staff").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        lifecycle.sessionsHeld(program);
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batch, session, List.of(siti.id()), STAFF.id());
        }
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        lifecycle.complete(program, "fileClosingReport", STAFF, Map.of("realisedItems", List.of(
                Map.of("description", "Honorarium instruktur", "amount", 10_000_000),
                Map.of("description", "Konsumsi peserta", "amount", 750_000, "reason", "Praktik sampai sore")),
                "notes", "Satu peserta tidak hadir"));
        lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "APPROVE", "Sesuai bukti");

        String list = pdfText("/api/programs/" + program.getId() + "/registrations/list.pdf", "auditor");
        assertThat(list).contains("Daftar Peserta", "Siti Aminah", "Dewi Lestari", "peserta", "100 %",
                program.getCode() + "/SERT/001", siti.nik().substring(0, 4)).doesNotContain(siti.nik(), siti.reference());

        String lpj = pdfText("/api/programs/" + program.getId() + "/closing-report.pdf", "department-head");
        assertThat(lpj).contains("Laporan Pertanggungjawaban Kegiatan", "Honorarium instruktur", "Rp 10.000.000",
                "Bahan praktik", "Rp 5.000.000", "Konsumsi peserta", "di luar rencana", "Praktik sampai sore",
                "Jumlah", "Rp 15.000.000", "Rp 10.750.000", "Satu peserta tidak hadir",
                "disetujui oleh department-head", "Sesuai bukti");
    }

    private String pdfText(String path, String user) throws IOException {
        ResponseEntity<byte[]> response = get(path, user);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private ResponseEntity<byte[]> get(String path, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }
}
