package id.bimtek.registration;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.ProgramFacts;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.registration.ApplicantCsv.Column;
import id.bimtek.registration.ImportReport.RowResult;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff register a list of applicants from a CSV file (e.g. collected on paper at a village office). Each
 * row goes through exactly what an applicant's own registration goes through (the request's validation,
 * then the seat allocator's rules), and the well-formed rows are decided in the file's order many per
 * transaction; a row refused spoils only itself. The
 * audit trail gets each row's registration or refusal, by the importing user, and one summary of the file.
 */
@Service
public class ApplicantImport {

    /** Beyond any programme's seats and waitlist; larger lists are a mistake or should be split. */
    static final int MAX_ROWS = 20_000;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final RegistrationService registrations;
    private final EarlierParticipations earlierParticipations;
    private final Validator validator;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final ProgramFacts programFacts;
    private final TransactionTemplate transaction;

    ApplicantImport(RegistrationService registrations, EarlierParticipations earlierParticipations, Validator validator,
                    AuditTrail audit, JdbcTemplate jdbc, ProgramFacts programFacts, PlatformTransactionManager transactions) {
        this.registrations = registrations;
        this.earlierParticipations = earlierParticipations;
        this.validator = validator;
        this.audit = audit;
        this.jdbc = jdbc;
        this.programFacts = programFacts;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The file's bytes, refused with 413 beyond {@link #MAX_BYTES} (reading stops there). */
    public static byte[] readLimited(InputStream file) throws IOException {
        byte[] bytes = file.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    static ProblemException tooLarge() {
        return new ProblemException(ProblemException.Kind.TOO_LARGE, "file",
                "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; split it into several files");
    }

    public ImportReport importCsv(long programId, byte[] file, String actor) {
        return importCsv(programId, file, actor, decided -> { });
    }

    /** The file's rows, once it is known to be one this programme can import (else a 4xx, nothing written). */
    ApplicantCsv.Contents read(long programId, byte[] file) {
        requireRegistrationOpen(programId);
        return ApplicantCsv.read(file, MAX_ROWS);
    }

    /** {@code progress} hears how many of the file's rows have been decided so far (invalid rows at once). */
    public ImportReport importCsv(long programId, byte[] file, String actor, java.util.function.IntConsumer progress) {
        return importRows(programId, file, read(programId, file), actor, progress);
    }

    /** The file's rows as read before (a run in the background); registration may have closed since: checked again. */
    ImportReport importRows(long programId, byte[] file, ApplicantCsv.Contents contents, String actor,
                            java.util.function.IntConsumer progress) {
        requireRegistrationOpen(programId);
        Instant started = Instant.now();
        RowResult[] results = new RowResult[contents.rows().size()];
        List<Checked> wellFormed = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            Object checked = check(contents, contents.rows().get(i));
            if (checked instanceof RowResult invalid) {
                results[i] = invalid;
            } else {
                wellFormed.add(((Checked) checked).at(i));
            }
        }
        try {
            recordEarlierParticipation(programId, wellFormed, actor);
            // the whole list at once, in its order: decided many rows per transaction, each row still on its own
            int invalid = results.length - wellFormed.size();
            List<Object> outcomes = registrations.registerFromPaper(programId, wellFormed.stream()
                    .map(Checked::listed).toList(), actor, decided -> progress.accept(invalid + decided));
            for (int k = 0; k < outcomes.size(); k++) {
                Checked row = wellFormed.get(k);
                results[row.index()] = resultOf(contents, row.row(), outcomes.get(k));
            }
        } catch (RuntimeException stopped) {
            // rows decided before stay registered (committed in their groups): the trail says how far the file got
            List<RowResult> decided = java.util.Arrays.stream(results).filter(java.util.Objects::nonNull).toList();
            appendSummary(programId, actor, file, contents.rows().size(), started, ImportReport.of(programId, decided),
                    "terhenti karena kesalahan (" + stopped.getClass().getSimpleName() + ") setelah " + decided.size()
                            + " baris; ");
            throw stopped;
        }
        ImportReport report = ImportReport.of(programId, List.of(results));
        appendSummary(programId, actor, file, report.rows(), started, report, "");
        return report;
    }

    private void appendSummary(long programId, String actor, byte[] file, int fileRows, Instant started,
                               ImportReport report, String stopped) {
        ImportReport.Totals totals = report.totals();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", fileRows);
        summary.put("registered", totals.registered());
        summary.put("waitlisted", totals.waitlisted());
        summary.put("applied", totals.applied());
        summary.put("refused", totals.refused());
        summary.put("invalid", totals.invalid());
        summary.put("earlierParticipationsRecorded", jdbc.queryForObject("""
                select count(*) from earlier_participation where recorded_for_program_id = ? and recorded_at >= ?""",
                Long.class, programId, java.sql.Timestamp.from(started)));
        summary.put("startedAt", started.toString());
        summary.put("bytes", file.length);
        summary.put("sha256", sha256(file));
        transaction.executeWithoutResult(status -> audit.append(programId,
                AuditTrail.Stage.REGISTRATION.entry("APPLICANTS_IMPORTED", actor)
                .on("impor CSV " + fileRows + " baris")
                .saying(stopped + fileRows + " baris: " + totals.registered() + " mendapat kursi, "
                        + totals.waitlisted() + " masuk daftar tunggu, " + totals.applied() + " lamaran diterima, "
                        + totals.refused() + " ditolak, " + totals.invalid() + " tidak valid")
                .changing(null, summary)));
    }

    /** A row that is well formed: its request and the paper's extras, and where it stands in the file. */
    private record Checked(ApplicantCsv.Row row, RegistrationRequest request, ApplicantCsv.Paper paper, int index) {

        Checked at(int position) {
            return new Checked(row, request, paper, position);
        }

        SeatAllocator.Listed listed() {
            return new SeatAllocator.Listed(request,
                    paper.appliedOn() == null ? null : paper.appliedOn().atStartOfDay(Wib.ZONE).toInstant());
        }
    }

    /** The row's request as an applicant's own registration would be checked, or why it is invalid. */
    private Object check(ApplicantCsv.Contents contents, ApplicantCsv.Row row) {
        String nik = row.value(Column.NIK);
        if (row.strayValueColumn() != null) {
            return RowResult.invalid(row.number(), nik, "row", "value in column " + row.strayValueColumn()
                    + ", which the header does not name (a value containing the separator needs quotes)");
        }
        RegistrationRequest request;
        ApplicantCsv.Paper paper;
        try {
            request = row.request();
            paper = row.paper(LocalDate.now(Wib.ZONE));
        } catch (ProblemException unreadable) {
            return RowResult.invalid(row.number(), nik, contents.fieldName(unreadable.field()), unreadable.getMessage());
        }
        List<ConstraintViolation<RegistrationRequest>> violations = validator.validate(request).stream()
                .sorted(Comparator.comparing(violation -> columnOrder(violation.getPropertyPath().toString())))
                .toList();
        if (!violations.isEmpty()) {
            ConstraintViolation<RegistrationRequest> first = violations.get(0);
            String also = violations.size() == 1 ? "" : violations.stream().skip(1)
                    .map(violation -> contents.fieldName(violation.getPropertyPath().toString())).distinct()
                    .collect(Collectors.joining(", ", " (also invalid: ", ")"));
            return RowResult.invalid(row.number(), nik, contents.fieldName(first.getPropertyPath().toString()),
                    first.getMessage() + also);
        }
        return new Checked(row, request, paper, -1);
    }

    /**
     * Earlier completions from the agency's list, recorded before any row is decided so the repeat rule sees them;
     * they stay facts whatever a row's outcome.
     */
    private void recordEarlierParticipation(long programId, List<Checked> rows, String actor) {
        List<Checked> withEarlier = rows.stream().filter(row -> row.paper().earlierProgramme() != null).toList();
        if (!withEarlier.isEmpty()) {
            transaction.executeWithoutResult(status -> withEarlier.forEach(row -> earlierParticipations.record(programId,
                    row.request().nik(), row.paper().earlierProgramme(), row.paper().earlierCompleted(), actor)));
        }
    }

    private static RowResult resultOf(ApplicantCsv.Contents contents, ApplicantCsv.Row row, Object outcome) {
        if (outcome instanceof RegistrationView registration) {
            return RowResult.placed(row.number(), registration);
        }
        if (outcome instanceof ProblemException problem) {
            String nik = row.value(Column.NIK);
            String field = problem.field() == null ? null : contents.fieldName(problem.field());
            return problem.rule() != null ? RowResult.refused(row.number(), nik, field, problem.rule(), problem.getMessage())
                    : RowResult.invalid(row.number(), nik, field, problem.getMessage());
        }
        throw (RuntimeException) outcome;
    }

    /** Checked once before the rows, so an import into a closed programme is refused as a whole. */
    private void requireRegistrationOpen(long programId) {
        ProgramStatus status = programFacts.status(programId);
        if (status != ProgramStatus.REGISTRATION_OPEN) {
            throw ProblemException.conflict("status", "registration for this programme is not open (programme is " + status + ")");
        }
    }

    private static int columnOrder(String property) {
        return Column.ofProperty(property).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
