package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.bimtek.audit.AuditTrail;
import id.bimtek.budget.BudgetLine;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.registration.RegistrationRequest;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The eligibility table decides who may register, and a refusal names its rule. */
@LifecycleTest
class EligibilityTest {

    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired RepositoryService repository;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    /**
     * The Jakarta Timur programme teaches several trades, one wave each, and one mixed wave: an applicant's
     * sector must be among the tracks of the batch applied to, not merely among the programme's.
     */
    @Test
    void theSectorIsCheckedAgainstTheTracksOfTheBatchAppliedTo() {
        ProgramRequest sewing = lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000,
                id.bimtek.budget.FundingSource.APBD, "Suku Dinas PPKUKM Jakarta Timur"));
        ProgramRequest.BatchRequest dates = sewing.batches().get(0);
        List<ProgramRequest.BatchRequest> batches = List.of(
                batch(dates, "Gelombang Boga", "BOGA"),
                batch(dates, "Gelombang Digital Marketing", "DIGITAL_MARKETING"),
                batch(dates, "Gelombang Campuran", "BOGA", "APPAREL"));
        Program program = lifecycle.approved(new ProgramRequest("Pelatihan Keterampilan Warga Jakarta Timur",
                sewing.kind(), "Suku Dinas PPKUKM Jakarta Timur", null, sewing.budgetLineCode(), sewing.fiscalYear(),
                sewing.registrationDeadline(), 1, 80, sewing.followUpRounds(), List.of("BOGA", "DIGITAL_MARKETING", "APPAREL"),
                batches, sewing.budgetItems()));
        assertThat(lifecycle.program(program.getId()).getBatches()).extracting(id.bimtek.proposal.Batch::getTracks)
                .containsExactly(List.of("BOGA"), List.of("DIGITAL_MARKETING"), List.of("BOGA", "APPAREL"));

        assertThatThrownBy(() -> apply(program, "BOGA", "Gelombang Digital Marketing"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.REFUSED_BY_RULE);
                    assertThat(e.rule()).isEqualTo("SECTOR");
                    assertThat(e.field()).isEqualTo("sector");
                    assertThat(e.getMessage()).contains("gelombang yang dipilih");
                });
        assertThatThrownBy(() -> apply(program, "DIGITAL_MARKETING", "Gelombang Campuran"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.rule()).isEqualTo("SECTOR"));
        assertThat(apply(program, "BOGA", "Gelombang Boga")).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(apply(program, "boga", "Gelombang Campuran")).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(apply(program, "APPAREL", "Gelombang Campuran")).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(apply(program, "DIGITAL_MARKETING", "Gelombang Digital Marketing")).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(registrations.ofProgram(program.getId())).hasSize(4);
        assertThat(audit.of(program.getId())).filteredOn(record -> record.kind().equals("REGISTRATION_REFUSED"))
                .extracting(AuditTrail.Record::detail).hasSize(2)
                .allSatisfy(detail -> assertThat(detail).startsWith("aturan bidang usaha: "));
    }

    private static ProgramRequest.BatchRequest batch(ProgramRequest.BatchRequest dates, String name, String... tracks) {
        return new ProgramRequest.BatchRequest(name, List.of(tracks), dates.startDate(), dates.endDate(), dates.venue(),
                dates.mode(), 10, 3);
    }

    private RegistrationStatus apply(Program program, String sector, String batch) {
        return registrations.register(program.getId(), new RegistrationRequest(Lifecycle.nextNik(), "Warga " + sector,
                "Usaha " + sector, sector, "Cakung", "081212345678", batch)).status();
    }

    @Test
    void aNewVersionOfTheTableAppliesWithoutCode() throws IOException {
        ProgramRequest request = lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000));
        Program exportClass = lifecycle.approved(new ProgramRequest(request.title(), "PELATIHAN_EKSPOR", request.agency(),
                null, request.budgetLineCode(), request.fiscalYear(), request.registrationDeadline(),
                request.minimumParticipants(), request.completionThresholdPercent(), request.followUpRounds(),
                request.tracks(), request.batches(), request.budgetItems()));
        assertThat(lifecycle.register(exportClass, "Siti Aminah").status()).isEqualTo(RegistrationStatus.REGISTERED);

        // an agency adds a rule for its export classes: a new version of the table, deployed, no code changed
        String table = new ClassPathResource("bpmn/registration-eligibility.dmn").getContentAsString(StandardCharsets.UTF_8);
        String exportRule = """
                <rule id="exportReadinessRule">
                  <inputEntry id="exportKind"><text>"PELATIHAN_EKSPOR"</text></inputEntry>
                  <inputEntry id="exportDomicile"><text></text></inputEntry>
                  <inputEntry id="exportSector"><text></text></inputEntry>
                  <inputEntry id="exportYears"><text></text></inputEntry>
                  <outputEntry id="exportEligible"><text>false</text></outputEntry>
                  <outputEntry id="exportName"><text>"EXPORT_READINESS"</text></outputEntry>
                  <outputEntry id="exportReason"><text>"Pendaftaran kelas ekspor melalui kurasi dinas"</text></outputEntry>
                </rule>
                <rule id="domicileRule">""";
        Deployment deployment = repository.createDeployment().name("eligibility with an export rule")
                .addString("registration-eligibility.dmn", table.replace("<rule id=\"domicileRule\">", exportRule)).deploy();
        try {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofSeconds(11).toMillis()));
            assertThatThrownBy(() -> lifecycle.register(exportClass, "Dewi Lestari"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.rule()).isEqualTo("EXPORT_READINESS");
                        assertThat(e.getMessage()).contains("kurasi");
                    });
            // other kinds are decided as before by the new version
            Program sewing = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
            assertThat(lifecycle.register(sewing, "Rina Wati").status()).isEqualTo(RegistrationStatus.REGISTERED);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aRegionalProgrammeIsForItsResidentsAndItsSectors() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program tangerang = lifecycle.approved(Lifecycle.inRegion(lifecycle.sewingBimtek(line), "3671"));
        assertThat(lifecycle.register(tangerang, "Siti Aminah").status()).isEqualTo(RegistrationStatus.REGISTERED);

        RegistrationRequest fromMalang = new RegistrationRequest("3507120503850002", "Budi", "Konveksi Budi", "APPAREL",
                "Kepanjen", "081212345678", "Gelombang 1");
        assertThatThrownBy(() -> registrations.register(tangerang.getId(), fromMalang))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.REFUSED_BY_RULE);
                    assertThat(e.rule()).isEqualTo("DOMICILE");
                    assertThat(e.getMessage()).contains("Domisili");
                });
        RegistrationRequest food = new RegistrationRequest(Lifecycle.nextNik(), "Dewi", "Keripik Dewi", "FOOD", "Cibodas",
                "081212345678", "Gelombang 1");
        assertThatThrownBy(() -> registrations.register(tangerang.getId(), food))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.rule()).isEqualTo("SECTOR");
                    assertThat(e.field()).isEqualTo("sector");
                });
        assertThat(registrations.ofProgram(tangerang.getId())).hasSize(1);
        assertThat(audit.of(tangerang.getId())).filteredOn(r -> r.kind().equals("REGISTRATION_REFUSED"))
                .extracting(AuditTrail.Record::detail).anySatisfy(d -> assertThat(d).startsWith("aturan domisili: "))
                .anySatisfy(d -> assertThat(d).startsWith("aturan bidang usaha: "));
    }

    @Test
    void someoneWhoCompletedABimtekRecentlyWaitsTwoYears() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        String nik = Lifecycle.nextNik();
        // an earlier programme of the same kind, closed a year ago, that this applicant completed
        Program earlier = lifecycle.approved(lifecycle.sewingBimtek(line));
        registrations.register(earlier.getId(), new RegistrationRequest(nik, "Rina", "Konveksi Rina", "APPAREL", "Cibodas",
                "081212345678", "Gelombang 1"));
        jdbc.update("update registration set completed = true where program_id = ? and nik = ?", earlier.getId(), nik);
        jdbc.update("update program set closed_at = now() - interval '1 year' where id = ?", earlier.getId());

        Program next = lifecycle.approved(lifecycle.sewingBimtek(line));
        assertThatThrownBy(() -> registrations.register(next.getId(), new RegistrationRequest(nik, "Rina", "Konveksi Rina",
                "APPAREL", "Cibodas", "081212345678", "Gelombang 1")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.rule()).isEqualTo("EARLIER_PARTICIPATION"));

        // three years ago is long enough
        jdbc.update("update program set closed_at = now() - interval '3 years' where id = ?", earlier.getId());
        assertThat(registrations.register(next.getId(), new RegistrationRequest(nik, "Rina", "Konveksi Rina", "APPAREL",
                "Cibodas", "081212345678", "Gelombang 1")).status()).isEqualTo(RegistrationStatus.REGISTERED);
    }
}
