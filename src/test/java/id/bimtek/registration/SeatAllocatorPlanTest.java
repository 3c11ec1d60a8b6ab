package id.bimtek.registration;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seat allocator decides a rush one group at a time on one thread, so each of a group's queries must cost the
 * same at the first registration and the fifty-thousandth, whatever the table's statistics still say.
 */
@LifecycleTest
class SeatAllocatorPlanTest {

    @Autowired Lifecycle lifecycle;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void theOnePlacePerNikCheckProbesTheIndexPerNikWhenTheStatisticsPredateTheRush() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 39, 1, 10_000_000));
        long batchId = lifecycle.program(program.getId()).getBatches().get(0).getId();
        transactions.executeWithoutResult(status -> {
            // statistics taken before the rush: the programme has no registrations yet
            jdbc.execute("analyze registration");
            jdbc.update("""
                    insert into registration (program_id, batch_id, reference, nik, name, business_name, sector, district,
                                              phone, status, applied_at)
                    select ?, ?, 'PLAN-' || g, '3671' || lpad(g::text, 12, '0'), 'Pelamar ' || g, 'Usaha ' || g,
                           'APPAREL', 'Cibodas', '081212345678', 'WAITLISTED', now()
                      from generate_series(1, 20000) g""", program.getId(), batchId);
            String[] niks = jdbc.queryForList("select nik from registration where program_id = ? order by id desc limit 50",
                    String.class, program.getId()).toArray(String[]::new);

            List<String> plan = jdbc.queryForList("explain (analyze, costs off, timing off) " + SeatAllocator.PLACE_HOLDERS,
                    String.class, niks, program.getId());

            assertThat(String.join("\n", plan)).as("one probe of the index per NIK, nothing read and thrown away")
                    .containsPattern("Index Cond: \\(\\(program_id = '?\\d+'?(::bigint)?\\) AND \\(nik = ")
                    .doesNotContain("Rows Removed by Filter");
            status.setRollbackOnly();
        });
    }
}
