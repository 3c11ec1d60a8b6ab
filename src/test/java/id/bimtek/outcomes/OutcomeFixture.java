package id.bimtek.outcomes;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Programmes as they stand after their lifecycle, written straight into the domain tables: the dashboard is a
 * read model, and its arithmetic is checked against figures worked out by hand (and measured on hundreds of
 * programmes) without running hundreds of lifecycles. Each fixture has an agency of its own, so other tests'
 * programmes in the same database do not count, and {@link #remove()} takes it out again: its programmes have no
 * process, which the lifecycle tests' invariant check would rightly refuse.
 */
final class OutcomeFixture {

    final String agency;
    private final JdbcTemplate jdbc;
    private final long budgetLineId;
    private final long nikBase;

    OutcomeFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.agency = "Dinas Uji Capaian " + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        this.nikBase = 3_671_010_101_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 1_000L;
        this.budgetLineId = jdbc.queryForObject("""
                insert into budget_line (code, name, fiscal_year, source, ceiling, agency)
                values (?, 'Uji capaian', 2026, 'APBD', 10000000000, ?) returning id""", Long.class,
                "UJI." + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36), agency);
    }

    long nikBase() {
        return nikBase;
    }

    /** The NIK of applicant {@code number} of this fixture: the same number is the same person across programmes. */
    String nik(int number) {
        return String.valueOf(nikBase + number);
    }

    Programme programme(String kind, int fiscalYear, String track, String status, long realised, int quota) {
        long id = jdbc.queryForObject("""
                insert into program (code, title, kind, agency, budget_line_id, fiscal_year, registration_deadline,
                                     minimum_participants, completion_threshold_percent, follow_up_rounds, tracks, status,
                                     realised_amount, created_by)
                values ('UJI-' || nextval('program_code_seq'), ?, ?, ?, ?, ?, ?, 1, 75, 'P3M,P6M', ?, ?, ?, 'staff')
                returning id""", Long.class, "Uji " + kind + " " + track, kind, agency, budgetLineId, fiscalYear,
                Timestamp.from(Instant.parse(fiscalYear + "-03-01T00:00:00Z")), track, status, BigDecimal.valueOf(realised));
        long batch = jdbc.queryForObject("""
                insert into batch (program_id, position, name, tracks, start_date, end_date, venue, mode, quota, sessions)
                values (?, 1, 'Gelombang 1', ?, ?, ?, 'Aula', 'OFFLINE', ?, 4) returning id""", Long.class,
                id, track, Date.valueOf(LocalDate.of(fiscalYear, 4, 6)), Date.valueOf(LocalDate.of(fiscalYear, 4, 9)), quota);
        return new Programme(id, batch);
    }

    /** Everything this fixture wrote, in the order the foreign keys need. */
    void remove() {
        String programmes = "(select id from program where agency = ?)";
        for (String table : List.of("outcome", "monitoring_round", "earlier_participation", "registration", "batch")) {
            String column = table.equals("earlier_participation") ? "recorded_for_program_id" : "program_id";
            jdbc.update("delete from " + table + " where " + column + " in " + programmes, agency);
        }
        jdbc.update("delete from program where agency = ?", agency);
        jdbc.update("delete from budget_line where id = ?", budgetLineId);
    }

    final class Programme {

        final long id;
        private final long batch;
        private final List<Long> registrations = new ArrayList<>();

        private Programme(long id, long batch) {
            this.id = id;
            this.batch = batch;
        }

        long batch() {
            return batch;
        }

        /** Registers applicant {@code number}; {@code completed} null while undecided. Returns the registration. */
        long applicant(int number, String status, Boolean completed, String district, String sector, Long revenue,
                       Integer employees) {
            long registration = jdbc.queryForObject("""
                    insert into registration (program_id, batch_id, reference, nik, name, business_name, sector, district,
                                              phone, status, completed, applied_at, monthly_revenue, employees)
                    values (?, ?, ?, ?, ?, ?, ?, ?, '081234567890', ?, ?, now(), ?, ?) returning id""", Long.class,
                    id, batch, Long.toString(ThreadLocalRandom.current().nextLong(1L << 60), 36).toUpperCase(), nik(number),
                    "Peserta " + number, "Usaha " + number, sector, district, status, completed, revenue, employees);
            if (status.equals("CONFIRMED") || status.equals("REGISTERED")) {
                jdbc.update("update batch set taken = taken + 1 where id = ?", batch);
            }
            registrations.add(registration);
            return registration;
        }

        void outcome(long registration, int round, boolean active, long revenue, int employees) {
            jdbc.update("""
                    insert into outcome (program_id, registration_id, round, business_active, monthly_revenue, employees,
                                         recorded_by) values (?, ?, ?, ?, ?, ?, 'staff')""",
                    id, registration, round, active, revenue, employees);
        }

        void roundRecorded(int round) {
            jdbc.update("""
                    insert into monitoring_round (program_id, round, graduates, recorded, recorded_by)
                    select ?, ?, count(*) filter (where r.completed), count(o.id), 'staff'
                      from registration r left join outcome o on o.registration_id = r.id and o.round = ?
                     where r.program_id = ?""", id, round, round, id);
        }

        void earlierParticipation(int number) {
            jdbc.update("""
                    insert into earlier_participation (nik, programme, kind, completed_on, recorded_for_program_id, recorded_by)
                    values (?, 'Pelatihan kemasan 2023', 'PELATIHAN', '2023-08-01', ?, 'staff')""", nik(number), id);
        }
    }
}
