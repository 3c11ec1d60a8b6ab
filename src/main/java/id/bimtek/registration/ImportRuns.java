package id.bimtek.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.bimtek.shared.ProblemException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * An applicant import started from the staff page runs in the background, so the page can show how far it has got
 * ("3.456 dari 10.555 baris") instead of a browser waiting on a silent request. The file is checked before the run
 * starts (a broken header or a closed registration is answered at once, with nothing written); the run's progress
 * and then its report are kept in {@code import_run}, where any node serving the page finds them. Rows decided
 * before a node stops stay decided (they commit in their groups) and the trail says how far the file got.
 */
@Service
public class ImportRuns {

    public enum State { RUNNING, DONE, FAILED }

    /** A run as the page shows it; {@code report} once done, {@code error} once failed. */
    public record Run(long id, long programId, String startedBy, int rows, int decided, State state, ImportReport report,
                      String error, Instant startedAt, Instant updatedAt) {

        /** Running, but not heard from for a while: the node that ran it stopped. */
        public boolean stalled(Instant now) {
            return state == State.RUNNING && updatedAt.plus(STALLED_AFTER).isBefore(now);
        }

        public int percent() {
            return rows == 0 ? 100 : (int) (100L * decided / rows);
        }
    }

    static final Duration STALLED_AFTER = Duration.ofMinutes(2);
    /** How often a run writes its progress: often enough for a page that looks every second, not once per row. */
    private static final long PROGRESS_EVERY_MILLIS = 250;
    private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

    private final ApplicantImport imports;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ExecutorService runner;

    ImportRuns(ApplicantImport imports, JdbcTemplate jdbc, ObjectMapper json) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.json = json;
        AtomicInteger threads = new AtomicInteger();
        this.runner = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "applicant-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Checks the file, records the run and starts it; returns the run's id. */
    public long start(long programId, byte[] file, String actor) {
        ApplicantCsv.Contents rows = imports.read(programId, file);
        long id = jdbc.queryForObject("""
                insert into import_run (program_id, started_by, row_count, state) values (?, ?, ?, 'RUNNING') returning id""",
                Long.class, programId, actor, rows.rows().size());
        runner.execute(() -> run(id, programId, file, rows, actor));
        return id;
    }

    public Optional<Run> find(long programId, long runId) {
        return jdbc.query("""
                select id, program_id, started_by, row_count, decided, state, report, error, started_at, updated_at
                  from import_run where id = ? and program_id = ?""", (rs, row) -> new Run(rs.getLong("id"),
                rs.getLong("program_id"), rs.getString("started_by"), rs.getInt("row_count"), rs.getInt("decided"),
                State.valueOf(rs.getString("state")), report(rs.getString("report")), rs.getString("error"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant()), runId, programId)
                .stream().findFirst();
    }

    private void run(long id, long programId, byte[] file, ApplicantCsv.Contents rows, String actor) {
        AtomicLong lastWrite = new AtomicLong();
        try {
            ImportReport report = imports.importRows(programId, file, rows, actor, decided -> {
                long now = System.currentTimeMillis();
                if (now - lastWrite.get() >= PROGRESS_EVERY_MILLIS) {
                    lastWrite.set(now);
                    jdbc.update("update import_run set decided = ?, updated_at = now() where id = ?", decided, id);
                }
            });
            jdbc.update("""
                    update import_run set state = 'DONE', decided = row_count, report = ?, updated_at = now(), finished_at = now()
                     where id = ?""", json.writeValueAsString(report), id);
        } catch (RuntimeException | JsonProcessingException stopped) {
            log.warn("Applicant import run {} of programme {} stopped: {}", id, programId, stopped.toString());
            String error = stopped instanceof ProblemException problem ? problem.getMessage() : stopped.getClass().getSimpleName();
            jdbc.update("""
                    update import_run set state = 'FAILED', error = ?, updated_at = now(), finished_at = now() where id = ?""",
                    error.length() > 1000 ? error.substring(0, 1000) : error, id);
        }
    }

    private ImportReport report(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import run's report is the JSON this class wrote", e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdown();
    }
}
