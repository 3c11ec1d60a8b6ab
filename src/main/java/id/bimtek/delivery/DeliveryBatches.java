package id.bimtek.delivery;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The collection of the per-batch delivery, {@code ${deliveryBatches.idsOf(programId)}}, and the batch a
 * task is for in its name, {@code ${deliveryBatches.nameOf(batchId)}}.
 */
@Component("deliveryBatches")
public class DeliveryBatches {

    private final JdbcTemplate jdbc;

    public DeliveryBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> idsOf(Long programId) {
        return jdbc.queryForList("select id from batch where program_id = ? order by position", Long.class, programId);
    }

    /** The day of the batch's last session (its end date when it has none planned). */
    public java.time.LocalDate lastSessionDay(Long batchId) {
        return jdbc.queryForObject("""
                select coalesce((select max(session_date) from batch_session where batch_id = b.id), b.end_date)
                  from batch b where b.id = ?""", java.sql.Date.class, batchId).toLocalDate();
    }

    public String nameOf(Long batchId) {
        return jdbc.queryForList("select name from batch where id = ?", String.class, batchId).stream().findFirst()
                .orElse("gelombang " + batchId);
    }
}
