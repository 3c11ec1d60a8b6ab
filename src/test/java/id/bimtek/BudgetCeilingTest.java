package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetService;
import id.bimtek.proposal.Program;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.support.PageBrowser;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A line's ceiling raised or lowered during the year: with a reason, never below what the line has used, even under load. */
@LifecycleTest
class BudgetCeilingTest {

    @Autowired Lifecycle lifecycle;
    @Autowired BudgetService budget;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void anAdministratorChangesACeilingOnThePageWithAReasonNeverBelowWhatIsCommitted() throws Exception {
        BudgetLine line = lifecycle.budgetLine(100_000_000);
        Program program = lifecycle.approved(lifecycle.sewingBimtek(line)); // commits Rp 24.600.000
        PageBrowser admin = new PageBrowser(port).signIn("admin");
        assertThat(admin.get("/kerja/anggaran").body()).contains(line.getCode(), "Rp 100.000.000", "Rp 24.600.000");

        HttpResponse<String> refused = admin.follow(admin.post("/kerja/anggaran/" + line.getId() + "/pagu",
                Map.of("pagu", "20.000.000", "alasan", "Refocusing"), true));
        assertThat(refused.body()).contains("Pagu tidak boleh lebih kecil dari yang sudah dikomitmenkan");
        assertThat(budget.line(line.getId()).getCeiling()).isEqualByComparingTo("100000000");
        assertThat(admin.follow(admin.post("/kerja/anggaran/" + line.getId() + "/pagu", Map.of("pagu", "150.000.000"), true)).body())
                .contains("Isi pagu baru (angka rupiah) dan alasannya");

        HttpResponse<String> raised = admin.follow(admin.post("/kerja/anggaran/" + line.getId() + "/pagu",
                Map.of("pagu", "150.000.000", "alasan", "APBD Perubahan 2026"), true));
        assertThat(raised.body()).contains("diubah dari Rp 100.000.000 menjadi Rp 150.000.000", "APBD Perubahan 2026");
        assertThat(budget.line(line.getId()).getRemaining()).isEqualByComparingTo("125400000");
        assertThat(budget.ceilingChanges(line.getId())).singleElement().satisfies(change -> {
            assertThat(change.oldCeiling()).isEqualByComparingTo("100000000");
            assertThat(change.actor()).isEqualTo("admin");
        });

        String code = Lifecycle.nextBudgetCode();
        assertThat(admin.follow(admin.post("/kerja/anggaran", Map.of("kode", "BELANJA-1", "tahun", "2026", "nama", "x",
                "instansi", "Disperindakop", "sumber", "APBD", "pagu", "1.000.000"), true)).body())
                .contains("Kode APBD mengikuti susunan");
        assertThat(admin.follow(admin.post("/kerja/anggaran", Map.of("kode", code, "tahun", String.valueOf(line.getFiscalYear()),
                "nama", "Pengembangan IKM", "instansi", "Disperindakop dan UKM Kota Tangerang", "sumber", "APBD",
                "pagu", "250.000.000"), true)).body()).contains("Mata anggaran " + code);
        assertThat(budget.find(code, line.getFiscalYear())).hasValueSatisfying(
                created -> assertThat(created.getCeiling()).isEqualByComparingTo("250000000"));

        PageBrowser auditor = new PageBrowser(port).signIn("auditor");
        assertThat(auditor.get("/audit/budget-lines/" + line.getCode() + "?fiscalYear=" + line.getFiscalYear()).body())
                .contains("Perubahan pagu", "APBD Perubahan 2026", "150.000.000,00", "Cocok");
        assertThat(new PageBrowser(port).signIn("staff").get("/kerja/anggaran").statusCode()).isEqualTo(403);
        assertThat(new PageBrowser(port).signIn("department-head").post("/kerja/anggaran/" + line.getId() + "/pagu",
                Map.of("pagu", "1", "alasan", "x"), true).statusCode()).isEqualTo(403);
        assertThat(program.getCode()).isNotBlank();
    }

    /**
     * Twenty commitments of Rp 10.000.000 race a cut of the ceiling from Rp 200.000.000 to Rp 100.000.000: whichever
     * order the database takes them in, what is committed never exceeds the ceiling in force, and the cut is either
     * made (then at most ten commitments fit) or refused with nothing changed.
     */
    @Test
    void aCeilingCutRacingCommitmentsNeverLeavesTheLineOverCommitted() throws Exception {
        BudgetLine line = lifecycle.budgetLine(200_000_000);
        long program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000))).getId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> {
                start.await();
                return budget.commit(line.getId(), program, BigDecimal.valueOf(10_000_000), "staff");
            });
        }
        calls.add(10, () -> {
            start.await();
            try {
                return budget.changeCeiling(line.getId(), BigDecimal.valueOf(100_000_000), "Refocusing anggaran", "admin");
            } catch (ProblemException refused) {
                return refused;
            }
        });
        List<Future<Object>> results = new ArrayList<>();
        calls.forEach(call -> results.add(pool.submit(call)));
        start.countDown();
        long committed = 0;
        Object cut = null;
        for (Future<Object> result : results) {
            Object value = result.get();
            if (value instanceof Boolean ok) {
                committed += ok ? 1 : 0;
            } else {
                cut = value;
            }
        }
        pool.shutdown();
        BudgetLine after = budget.line(line.getId());
        assertThat(after.getCommitted()).isEqualByComparingTo(BigDecimal.valueOf(committed * 10_000_000));
        assertThat(after.getCommitted().add(after.getRealised())).isLessThanOrEqualTo(after.getCeiling());
        if (cut instanceof ProblemException refused) {
            assertThat(refused.rule()).isEqualTo(BudgetService.CEILING_BELOW_USE);
            assertThat(after.getCeiling()).isEqualByComparingTo("200000000");
            assertThat(budget.ceilingChanges(line.getId())).isEmpty();
        } else {
            assertThat(after.getCeiling()).isEqualByComparingTo("100000000");
            assertThat(committed).isLessThanOrEqualTo(10);
            assertThat(budget.ceilingChanges(line.getId())).hasSize(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from budget_movement where budget_line_id = ?", Long.class, line.getId()))
                .isEqualTo(committed);
    }
}
