package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.support.LifecycleTest;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrations carry what agencies already hold: a database as it was before sessions existed is migrated, in
 * a schema of its own, and its batches come out with the sessions their numbers implied.
 */
@LifecycleTest
class MigrationTest {

    @Autowired DataSource dataSource;

    @Test
    void existingBatchesGetTheSessionsTheirNumbersImply() {
        String schema = "before_sessions_" + System.nanoTime();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            flyway(schema).target("13").load().migrate();
            jdbc.update("insert into " + schema + ".budget_line (code, name, fiscal_year, source, ceiling) values "
                    + "('3.31.01.2.01.0003', 'Pemberdayaan Industri', 2025, 'APBD', 500000000)");
            jdbc.update("insert into " + schema + ".program (code, title, kind, agency, budget_line_id, fiscal_year, "
                    + "registration_deadline, minimum_participants, completion_threshold_percent, follow_up_rounds, tracks, "
                    + "status, created_by) select 'BIMTEK-2025-0001', 'Bimtek Menjahit', 'BIMTEK', 'Disperindakop Kota Tangerang', "
                    + "id, 2025, now(), 1, 80, 'P3M', 'APPAREL', 'COMPLETED', 'staff' from " + schema + ".budget_line");
            jdbc.update("insert into " + schema + ".batch (program_id, position, name, tracks, start_date, end_date, venue, mode, "
                    + "quota, sessions) select id, 0, 'Gelombang 1', 'APPAREL', date '2025-08-12', date '2025-08-13', "
                    + "'SMKN 3 Kota Tangerang', 'OFFLINE', 39, 3 from " + schema + ".program");
            jdbc.update("insert into " + schema + ".batch (program_id, position, name, tracks, start_date, end_date, venue, mode, "
                    + "quota, sessions) select id, 1, 'Gelombang Daring', 'APPAREL', date '2025-09-01', date '2025-09-02', "
                    + "'https://zoom.us/j/1', 'ONLINE', 80, 2 from " + schema + ".program");

            flyway(schema).load().migrate();

            // one a day from the start, the end date repeating; on site at the venue, online at the batch's link
            assertThat(jdbc.queryForList("select b.name || ' ' || s.session_no || ' ' || s.session_date || ' ' || s.start_time "
                    + "|| '-' || s.end_time || ' ' || s.mode || ' ' || coalesce(s.venue, s.meeting_link) || ' ' || s.topic from "
                    + schema + ".batch_session s join " + schema + ".batch b on b.id = s.batch_id order by b.position, s.session_no",
                    String.class)).containsExactly(
                    "Gelombang 1 1 2025-08-12 08:00:00-16:00:00 ON_SITE SMKN 3 Kota Tangerang Sesi 1",
                    "Gelombang 1 2 2025-08-13 08:00:00-16:00:00 ON_SITE SMKN 3 Kota Tangerang Sesi 2",
                    "Gelombang 1 3 2025-08-13 08:00:00-16:00:00 ON_SITE SMKN 3 Kota Tangerang Sesi 3",
                    "Gelombang Daring 1 2025-09-01 08:00:00-16:00:00 ONLINE https://zoom.us/j/1 Sesi 1",
                    "Gelombang Daring 2 2025-09-02 08:00:00-16:00:00 ONLINE https://zoom.us/j/1 Sesi 2");
            assertThat(jdbc.queryForObject("select completion_basis from " + schema + ".program", String.class))
                    .isEqualTo("SESSIONS");
            // the line takes the agency of the first programme paid from it
            assertThat(jdbc.queryForObject("select agency from " + schema + ".budget_line", String.class))
                    .isEqualTo("Disperindakop Kota Tangerang");
        } finally {
            jdbc.execute("drop schema if exists " + schema + " cascade");
        }
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway(String schema) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/migration");
    }
}
