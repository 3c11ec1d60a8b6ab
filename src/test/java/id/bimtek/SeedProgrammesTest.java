package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.DEPARTMENT_SECRETARY;
import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.FundingSource;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.instructor.Instructor;
import id.bimtek.instructor.InstructorService;
import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.Batch;
import id.bimtek.proposal.BatchSession;
import id.bimtek.proposal.CompletionBasis;
import id.bimtek.proposal.DeliveryMode;
import id.bimtek.proposal.InstructorRole;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.proposal.ProgramRequest.BatchRequest;
import id.bimtek.proposal.ProgramRequest.BudgetItemRequest;
import id.bimtek.proposal.ProgramRequest.InstructorAssignment;
import id.bimtek.proposal.ProgramRequest.SessionRequest;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.proposal.SessionMode;
import id.bimtek.registration.ApplicantImport;
import id.bimtek.registration.ImportReport;
import id.bimtek.registration.RegistrationRequest;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The three programmes of the seed articles, as the articles describe them, each carried through the engine
 * to COMPLETED: Kota Tangerang's sewing Bimtek (39 seats, 3 days at SMKN 3), the Jakarta Timur programme for
 * 120 residents in five trades (theory online, practice on site, completion in hours, national funds), and
 * the Dinas Koperasi dan UKM's two waves of 80 chosen from many more applicants by the ranking.
 */
@LifecycleTest
class SeedProgrammesTest {

    /** NIKs of this test's own serials: nobody else's completions count against them. */
    private static final AtomicInteger SERIALS = new AtomicInteger();

    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired AttendanceService attendance;
    @Autowired id.bimtek.followup.FollowUpService followUp;
    @Autowired InstructorService instructors;
    @Autowired ApplicantImport applicantImport;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void kotaTangerangSewingBimtekFor39() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        LocalDate day = Lifecycle.firstSessionDay();
        Program program = lifecycle.approved(request("Bimtek Pengembangan Produk Industri: Menjahit", "BIMTEK",
                Lifecycle.TANGERANG, null, line, List.of("APPAREL"),
                List.of(new BatchRequest("Gelombang 1", List.of("APPAREL"), day, day.plusDays(2), "SMKN 3 Kota Tangerang",
                        DeliveryMode.OFFLINE, 39, 3)),
                List.of(new BudgetItemRequest("Honorarium instruktur", BigDecimal.valueOf(9_000_000)),
                        new BudgetItemRequest("Bahan praktik", BigDecimal.valueOf(15_600_000))),
                AllocationMode.FIRST_COME, CompletionBasis.SESSIONS));
        // "peminatnya cukup banyak, hanya saja jumlahnya terbatas": 45 apply for 39 seats
        List<RegistrationView> applied = IntStream.range(0, 45).mapToObj(i -> registrations.register(program.getId(),
                applicant("367104", "Peserta " + i, "APPAREL", "Gelombang 1"))).toList();
        assertThat(applied).filteredOn(r -> r.status() == RegistrationStatus.REGISTERED).hasSize(39);
        assertThat(applied).filteredOn(r -> r.status() == RegistrationStatus.WAITLISTED).hasSize(6);

        carryToCompleted(program, List.of(new BudgetRealisation("Honorarium instruktur", 9_000_000),
                new BudgetRealisation("Bahan praktik", 15_100_000)));
        assertThat(registrations.ofProgram(program.getId())).filteredOn(r -> r.certificateNumber() != null).hasSize(39);
    }

    @Test
    void jakartaTimurFiveTradesFor120ResidentsTheoryOnlinePracticeOnSite() {
        String agency = "Ditjen IKMA Kementerian Perindustrian";
        BudgetLine line = lifecycle.budgetLine(2_000_000_000, FundingSource.APBN, agency);
        Instructor narasumber = instructors.register("Heru Subagja", "Kewirausahaan IKM", agency, null, null, "staff");
        LocalDate day = Lifecycle.firstSessionDay();
        List<String> trades = List.of("FURNITURE", "MAKANAN_RINGAN", "PAKAIAN_JADI", "SERVICE_AC", "BENGKEL_MOTOR");
        List<String> sites = List.of("Sentra Mebel Klender", "PPKUKM Pulogadung", "PPKUKM Cakung", "BLK Jakarta Timur",
                "Bengkel Latih Pasar Rebo");
        List<BatchRequest> batches = new ArrayList<>();
        for (int i = 0; i < trades.size(); i++) {
            Instructor practice = instructors.register("Instruktur " + trades.get(i), trades.get(i), sites.get(i), null, null,
                    "staff");
            // two days of theory online with the ministry's resource person, two days of practice at the trade's site
            List<SessionRequest> plan = List.of(
                    online(day, "Teori: memulai usaha " + trades.get(i), narasumber, InstructorRole.NARASUMBER, 1_000_000),
                    online(day.plusDays(1), "Teori: perizinan dan pemasaran", narasumber, InstructorRole.NARASUMBER, 1_000_000),
                    onSite(day.plusDays(2), sites.get(i), "Praktik " + trades.get(i), practice, 1_500_000),
                    onSite(day.plusDays(3), sites.get(i), "Praktik lanjutan " + trades.get(i), practice, 1_500_000));
            batches.add(new BatchRequest("Kejuruan " + trades.get(i), List.of(trades.get(i)), day, day.plusDays(3),
                    sites.get(i), DeliveryMode.HYBRID, 24, null, plan));
        }
        Program submitted = lifecycle.submitted(request("Bimtek Wirausaha Baru IKM Jakarta Timur", "BIMTEK_NASIONAL", agency,
                "3175", line, trades, batches,
                List.of(new BudgetItemRequest("Honorarium instruktur dan narasumber", BigDecimal.valueOf(30_000_000)),
                        new BudgetItemRequest("Bahan praktik", BigDecimal.valueOf(60_000_000))),
                AllocationMode.FIRST_COME, CompletionBasis.HOURS));
        lifecycle.decide(submitted, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        lifecycle.decide(submitted, "approveBudget", DEPARTMENT_HEAD, "APPROVE", null);
        // national funds: a second department head approves
        lifecycle.decide(submitted, "secondBudgetApproval", DEPARTMENT_SECRETARY, "APPROVE", null);
        Program program = lifecycle.program(submitted.getId());
        assertThat(program.getStatus()).isEqualTo(ProgramStatus.REGISTRATION_OPEN);

        // 120 residents of Jakarta Timur from ten districts, 24 per trade
        List<String> districts = List.of("Cakung", "Cipayung", "Ciracas", "Duren Sawit", "Jatinegara", "Kramat Jati",
                "Makasar", "Matraman", "Pasar Rebo", "Pulo Gadung");
        for (int i = 0; i < 120; i++) {
            String trade = trades.get(i % 5);
            RegistrationView registered = registrations.register(program.getId(), new RegistrationRequest(nik("317501"),
                    "Warga " + i, "Usaha " + i, trade, districts.get(i % 10), "081234567890", "Kejuruan " + trade));
            assertThat(registered.status()).isEqualTo(RegistrationStatus.REGISTERED);
        }

        carryToCompleted(program, List.of(new BudgetRealisation("Honorarium instruktur dan narasumber", 25_000_000),
                new BudgetRealisation("Bahan praktik", 58_000_000)));
        // everybody attended all 4 sessions: 2 × 3 h online + 2 × 8 h on site = 22 hours each
        assertThat(registrations.ofProgram(program.getId())).hasSize(120)
                .allSatisfy(r -> assertThat(r.attendedHours()).isEqualByComparingTo("22"))
                .allSatisfy(r -> assertThat(r.certificateNumber()).isNotNull());
    }

    @Test
    void twoWavesOf80ChosenFromManyApplicants() {
        String agency = "Dinas Koperasi dan UKM Kota Tangerang";
        BudgetLine line = lifecycle.budgetLine(500_000_000, FundingSource.APBD, agency);
        LocalDate day = Lifecycle.firstSessionDay();
        Program program = lifecycle.approved(request("Pengembangan Produk Unggulan Daerah Berbasis Produk", "BIMTEK", agency,
                null, line, List.of("MAKANAN", "FASHION"),
                List.of(new BatchRequest("Gelombang Makanan", List.of("MAKANAN"), day, day.plusDays(1), "Opp Room Gedung Cisadane",
                                DeliveryMode.OFFLINE, 80, 2),
                        new BatchRequest("Gelombang Fashion", List.of("FASHION"), day.plusDays(2), day.plusDays(3),
                                "Opp Room Gedung Cisadane", DeliveryMode.OFFLINE, 80, 2)),
                List.of(new BudgetItemRequest("Honorarium narasumber", BigDecimal.valueOf(12_000_000)),
                        new BudgetItemRequest("Konsumsi dan bahan", BigDecimal.valueOf(40_000_000))),
                AllocationMode.SELECTION, CompletionBasis.SESSIONS));
        // the registered UMKM's list as a spreadsheet: 300 applications, some without a business size
        StringBuilder file = new StringBuilder("nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang;skala_usaha\n");
        for (int i = 0; i < 300; i++) {
            boolean food = i % 3 != 0;
            file.append(nik("367105")).append(";Pelaku UMKM ").append(i).append(";Usaha ").append(i).append(';')
                    .append(food ? "MAKANAN" : "FASHION").append(";Cibodas;081212345678;")
                    .append(food ? "Gelombang Makanan" : "Gelombang Fashion").append(';')
                    .append(List.of("mikro", "kecil", "menengah", "").get(i % 4)).append('\n');
        }
        ImportReport report = applicantImport.importCsv(program.getId(), file.toString().getBytes(StandardCharsets.UTF_8),
                "staff");
        assertThat(report.totals().applied()).isEqualTo(300);

        carryToCompleted(program, List.of(new BudgetRealisation("Honorarium narasumber", 12_000_000),
                new BudgetRealisation("Konsumsi dan bahan", 38_500_000)));
        Map<String, Long> confirmedPerBatch = registrations.ofProgram(program.getId()).stream()
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .collect(Collectors.groupingBy(RegistrationView::batch, Collectors.counting()));
        assertThat(confirmedPerBatch).containsEntry("Gelombang Makanan", 80L).containsEntry("Gelombang Fashion", 80L);
        assertThat(registrations.ofProgram(program.getId())).filteredOn(r -> r.status() == RegistrationStatus.NOT_SELECTED)
                .hasSize(140);
    }

    private record BudgetRealisation(String description, long amount) {
    }

    /**
     * The deadline passes, staff confirm the list, every participant attends every session, the closing report
     * realises the given items, the head approves it, and two monitoring rounds are recorded.
     */
    private void carryToCompleted(Program program, List<BudgetRealisation> realised) {
        org.camunda.bpm.engine.runtime.ProcessInstance instance = lifecycle.instanceOf(program);
        lifecycle.passTime(Duration.ofDays(8));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("confirmParticipants");
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        for (Batch batch : lifecycle.program(program.getId()).getBatches()) {
            List<Long> participants = registrations.ofProgram(program.getId()).stream()
                    .filter(r -> r.batchId().equals(batch.getId()) && r.status() == RegistrationStatus.CONFIRMED)
                    .map(RegistrationView::id).toList();
            lifecycle.sessionsHeld(program);
            for (BatchSession session : batch.getSessionPlan()) {
                attendance.record(program.getId(), batch.getId(), session.getSessionNo(), participants,
                        session.getInstructors().stream().map(assigned -> assigned.getInstructorId()).toList(), STAFF.id());
            }
            lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        }
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("fileClosingReport");
        lifecycle.complete(program, "fileClosingReport", STAFF, Map.of("realisedItems", realised.stream()
                .map(item -> Map.of("description", item.description(), "amount", item.amount())).toList(),
                "notes", "Kegiatan selesai sesuai rencana"));
        lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "APPROVE", null);
        for (int round = 1; round <= 2; round++) {
            lifecycle.passTime(Duration.ofDays(95));
            assertThat(lifecycle.task(program, "recordOutcomes").getName()).endsWith("putaran " + round);
            for (Long graduate : followUp.missingOutcomes(program.getId(), round)) {
                followUp.recordOutcome(program.getId(), graduate, round, true, BigDecimal.valueOf(4_500_000 + round * 250_000L),
                        2, STAFF.id());
            }
            lifecycle.complete(program, "recordOutcomes", STAFF, Map.of());
        }
        assertThat(instance).isEnded();
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.COMPLETED);
        long spent = realised.stream().mapToLong(BudgetRealisation::amount).sum();
        assertThat(lifecycle.program(program.getId()).getRealisedAmount()).isEqualByComparingTo(BigDecimal.valueOf(spent));
    }

    private static ProgramRequest request(String title, String kind, String agency, String region, BudgetLine line,
                                          List<String> tracks, List<BatchRequest> batches, List<BudgetItemRequest> items,
                                          AllocationMode allocation, CompletionBasis basis) {
        return new ProgramRequest(title, kind, agency, region, line.getCode(), line.getFiscalYear(),
                OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(7), 1, 80, List.of("P3M", "P6M"), tracks, batches, items,
                allocation, null, null, basis);
    }

    private static SessionRequest online(LocalDate date, String topic, Instructor instructor, InstructorRole role, long fee) {
        return new SessionRequest(date, LocalTime.of(9, 0), LocalTime.of(12, 0), SessionMode.ONLINE, null,
                "https://zoom.us/j/3175" + date.getDayOfMonth(), topic,
                List.of(new InstructorAssignment(instructor.getId(), role, BigDecimal.valueOf(fee), "Honorarium instruktur dan narasumber")));
    }

    private static SessionRequest onSite(LocalDate date, String venue, String topic, Instructor instructor, long fee) {
        return new SessionRequest(date, LocalTime.of(8, 0), LocalTime.of(16, 0), SessionMode.ON_SITE, venue, null, topic,
                List.of(new InstructorAssignment(instructor.getId(), InstructorRole.INSTRUKTUR, BigDecimal.valueOf(fee),
                        "Honorarium instruktur dan narasumber")));
    }

    private static RegistrationRequest applicant(String area, String name, String sector, String batch) {
        return new RegistrationRequest(nik(area), name, "Usaha " + name, sector, "Cibodas", "081212345678", batch);
    }

    /** A well-formed NIK of the area (Kemendagri code of six digits), a woman born 5 August 1990. */
    private static String nik(String area) {
        return String.format("%s450890%04d", area, SERIALS.incrementAndGet());
    }
}
