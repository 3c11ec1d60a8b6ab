package id.bimtek.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained record of everything done to a programme. Records are written in the
 * transaction of the change they describe (they exist exactly when the change does). Each record's hash
 * covers its content and the previous record's hash, so {@link #verify} finds the first record that was
 * altered, inserted or removed behind the application's back.
 */
@Service
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);

    public enum Stage {
        PROPOSAL, REVIEW, BUDGET, REGISTRATION, DELIVERY, CLOSING, FOLLOW_UP, CANCELLATION, PROCESS;

        /** A record of this stage: what happened and who did it; subject, detail and values are added as they apply. */
        public Entry entry(String kind, String actor) {
            return new Entry(this, kind, actor, null, null, null, null, null);
        }
    }

    public record Record(long id, long programId, int seq, Instant recordedAt, Stage stage, String kind, String actor,
                         String onBehalfOf, String subject, String detail, String oldValue, String newValue,
                         String prevHash, String hash) {
    }

    /** The result of verifying one programme's chain: the first record that does not match, if any. */
    public record Verification(long programId, int records, boolean valid, Integer firstBadSeq, Long firstBadId,
                               String problem) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One record to append: what happened, who did it, and the values before and after (stored as JSON). */
    public record Entry(Stage stage, String kind, String actor, String onBehalfOf, String subject, String detail,
                        Object oldValue, Object newValue) {

        /** Done as the deputy of this head. */
        public Entry asDeputyOf(String principal) {
            return new Entry(stage, kind, actor, principal, subject, detail, oldValue, newValue);
        }

        /** What it is about: a programme's code, a batch, an applicant's registration. */
        public Entry on(String what) {
            return new Entry(stage, kind, actor, onBehalfOf, what, detail, oldValue, newValue);
        }

        /** In words, with the rule that decided it where one did. */
        public Entry saying(String text) {
            return new Entry(stage, kind, actor, onBehalfOf, subject, text, oldValue, newValue);
        }

        /** The values before and after. */
        public Entry changing(Object before, Object after) {
            return new Entry(stage, kind, actor, onBehalfOf, subject, detail, before, after);
        }
    }

    /** Appends a record in the caller's transaction; values are stored as JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long programId, Entry entry) {
        appendAll(programId, List.of(entry));
    }

    /**
     * Takes the programme's chain head now, until the caller's transaction ends. The application's lock order is
     * a programme's chain head first, then its batch rows (in id order), then its programme row: the engine's
     * steps append records (taking the head) before they touch seats, so whoever changes seats takes the head
     * before the batches too, and the two can never wait for each other in a circle.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdChain(long programId) {
        ChainsOfThisTransaction.current(this::write).chain(programId, this::lockedChain);
    }

    /**
     * Appends records in order, in the caller's transaction, holding the programme's chain head for all of them (a
     * registration rush appends many at a time). The head is locked and the hashes are chained now; the records are
     * written with the transaction's others just before it commits ({@link ChainsOfThisTransaction}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(long programId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ChainsOfThisTransaction chains = ChainsOfThisTransaction.current(this::write);
        ChainsOfThisTransaction.Chain chain = chains.chain(programId, this::lockedChain);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Entry entry : entries) {
            int seq = chain.seq() + 1;
            String oldJson = json(entry.oldValue());
            String newJson = json(entry.newValue());
            String detail = limited(entry.detail(), 4000);
            String subject = limited(entry.subject(), 300);
            String hash = hash(programId, seq, at, entry.stage().name(), entry.kind(), entry.actor(), entry.onBehalfOf(),
                    subject, detail, oldJson, newJson, chain.hash());
            chain.append(new Row(seq, at, entry.stage().name(), entry.kind(), entry.actor(), entry.onBehalfOf(), subject,
                    detail, oldJson, newJson, chain.hash(), hash));
        }
        if (chains.committing()) {
            write(chain);
        }
    }

    /** A record as it is written, its hash chained to the one before it. */
    record Row(int seq, Instant at, String stage, String kind, String actor, String onBehalfOf, String subject,
               String detail, String oldValue, String newValue, String prevHash, String hash) {
    }

    /**
     * Writes a chain's unwritten records and moves its head, in one statement whatever their number: the columns go
     * as arrays, so the statement's text and its plan are the same every time.
     */
    private void write(ChainsOfThisTransaction.Chain chain) {
        List<Row> rows = chain.takeUnwritten();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("""
                with inserted as (
                  insert into audit_record (program_id, seq, recorded_at, stage, kind, actor, on_behalf_of, subject, detail,
                                            old_value, new_value, prev_hash, hash)
                  select ?, r.* from unnest(?::int[], ?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[],
                                            ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::char(64)[],
                                            ?::char(64)[]) as r)
                update audit_chain_head set last_seq = ?, last_hash = ? where program_id = ?""",
                chain.programId, column(rows, row -> String.valueOf(row.seq())), column(rows, row -> row.at().toString()),
                column(rows, Row::stage), column(rows, Row::kind), column(rows, Row::actor), column(rows, Row::onBehalfOf),
                column(rows, Row::subject), column(rows, Row::detail), column(rows, Row::oldValue),
                column(rows, Row::newValue), column(rows, Row::prevHash), column(rows, Row::hash),
                chain.seq(), chain.hash(), chain.programId);
    }

    private static String[] column(List<Row> rows, java.util.function.Function<Row, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /** The programme's chain head, locked by this transaction until it ends (created at the first record). */
    private ChainsOfThisTransaction.Chain lockedChain(long programId) {
        List<ChainsOfThisTransaction.Chain> locked = lockHead(programId);
        if (locked.isEmpty()) {
            jdbc.update("insert into audit_chain_head (program_id, last_seq, last_hash) values (?, 0, ?) on conflict do nothing",
                    programId, GENESIS);
            locked = lockHead(programId);
        }
        return locked.get(0);
    }

    private List<ChainsOfThisTransaction.Chain> lockHead(long programId) {
        return jdbc.query("select last_seq, last_hash from audit_chain_head where program_id = ? for update",
                (rs, n) -> new ChainsOfThisTransaction.Chain(programId, rs.getInt("last_seq"), rs.getString("last_hash")),
                programId);
    }

    private static String limited(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    @Transactional(readOnly = true)
    public List<Record> of(long programId) {
        ChainsOfThisTransaction.writeUnwritten();
        return jdbc.query("select * from audit_record where program_id = ? order by seq", AuditTrail::map, programId);
    }

    /** Everyone recorded as having taken one of these kinds of step on the programme, in person or on whose behalf. */
    @Transactional(readOnly = true)
    public java.util.Set<String> actorsOf(long programId, java.util.Collection<String> kinds) {
        ChainsOfThisTransaction.writeUnwritten();
        java.util.Set<String> actors = new java.util.HashSet<>();
        // one index probe per kind: a programme after a rush has tens of thousands of records, nearly none of them
        // of these kinds, and kind = any(?) was planned to read them all (587 ms at 226,000) while its statistics lag
        jdbc.query("""
                select a.actor, a.on_behalf_of from unnest(?::varchar[]) as k(kind)
                  join lateral (select actor, on_behalf_of from audit_record r
                                 where r.program_id = ? and r.kind = k.kind) a on true""", rs -> {
            actors.add(rs.getString("actor"));
            if (rs.getString("on_behalf_of") != null) {
                actors.add(rs.getString("on_behalf_of"));
            }
        }, kinds.toArray(String[]::new), programId);
        return actors;
    }

    /** Every programme's chain, verified; the broken ones first. One snapshot: appends meanwhile are not half seen. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<Verification> verifyAll() {
        ChainsOfThisTransaction.writeUnwritten();
        return jdbc.queryForList("select program_id from audit_chain_head order by program_id", Long.class).stream()
                .map(this::verify).sorted(java.util.Comparator.comparing(Verification::valid)).toList();
    }

    /** A programme's records and their verification, read from one snapshot of the database. */
    public record VerifiedTrail(List<Record> records, Verification verification) {

        public String lastHash() {
            return records.isEmpty() ? null : records.get(records.size() - 1).hash();
        }
    }

    /** The records and their verification together: pages and documents that show both read the trail once. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public VerifiedTrail verified(long programId) {
        List<Record> records = of(programId);
        return new VerifiedTrail(records, verify(programId, records));
    }

    /**
     * Recomputes every hash of the programme's chain; names the first record that does not match. The records and the
     * chain's head are read from one snapshot, so a record appended between the two reads is not taken for a removal.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(long programId) {
        return verify(programId, of(programId));
    }

    private Verification verify(long programId, List<Record> records) {
        String prev = GENESIS;
        int expectedSeq = 1;
        for (Record record : records) {
            if (record.seq() != expectedSeq) {
                return new Verification(programId, records.size(), false, record.seq(), record.id(),
                        "record " + expectedSeq + " is missing before this one");
            }
            if (!record.prevHash().equals(prev)) {
                return new Verification(programId, records.size(), false, record.seq(), record.id(),
                        "does not follow the previous record's hash");
            }
            String recomputed = hash(record.programId(), record.seq(), record.recordedAt(), record.stage().name(),
                    record.kind(), record.actor(), record.onBehalfOf(), record.subject(), record.detail(),
                    record.oldValue(), record.newValue(), record.prevHash());
            if (!recomputed.equals(record.hash())) {
                return new Verification(programId, records.size(), false, record.seq(), record.id(),
                        "its content does not match its hash: it was altered");
            }
            prev = record.hash();
            expectedSeq++;
        }
        List<Map<String, Object>> head = jdbc.queryForList(
                "select last_seq, last_hash from audit_chain_head where program_id = ?", programId);
        if (!head.isEmpty() && (((Number) head.get(0).get("last_seq")).intValue() != records.size()
                || !prev.equals(head.get(0).get("last_hash")))) {
            return new Verification(programId, records.size(), false, records.size() + 1, null,
                    "records at the end of the chain were removed");
        }
        return new Verification(programId, records.size(), true, null, null, null);
    }

    static String hash(long programId, int seq, Instant at, String stage, String kind, String actor, String onBehalfOf,
                       String subject, String detail, String oldValue, String newValue, String prevHash) {
        StringBuilder canonical = new StringBuilder(256);
        for (Object part : new Object[] {programId, seq, at.truncatedTo(ChronoUnit.MICROS).toString(), stage, kind, actor,
                onBehalfOf, subject, detail, oldValue, newValue, prevHash}) {
            String text = part == null ? "" : part.toString();
            // length-prefixed, so no two different records can produce the same text
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        MessageDigest sha256 = SHA_256.get();
        return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread, reset by each use: not looked up again for each record of a trail being verified. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot record " + value.getClass(), e);
        }
    }

    private static Record map(ResultSet rs, int row) throws SQLException {
        return new Record(rs.getLong("id"), rs.getLong("program_id"), rs.getInt("seq"),
                rs.getTimestamp("recorded_at").toInstant(), Stage.valueOf(rs.getString("stage")), rs.getString("kind"),
                rs.getString("actor"), rs.getString("on_behalf_of"), rs.getString("subject"), rs.getString("detail"),
                rs.getString("old_value"), rs.getString("new_value"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
