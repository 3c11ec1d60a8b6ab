package id.bimtek.audit;

import id.bimtek.shared.PerTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * What the current transaction does to the programmes' chains: the heads it has locked, with the last sequence
 * number and hash as it moves them (a transaction that holds a head is the only one that can move it, so after the
 * first read it knows the head without asking again), and the records appended but not yet written. They are
 * written just before the commit, each programme's in one statement: a step of the lifecycle appends several
 * records from several places, and a statement each was most of what the trail cost. A transaction started inside
 * another ({@code REQUIRES_NEW}) has its own ({@link PerTransaction}).
 */
final class ChainsOfThisTransaction implements TransactionSynchronization {

    /** One programme's chain as this transaction sees it. */
    static final class Chain {
        final long programId;
        private int seq;
        private String hash;
        private final List<AuditTrail.Row> unwritten = new ArrayList<>();

        Chain(long programId, int seq, String hash) {
            this.programId = programId;
            this.seq = seq;
            this.hash = hash;
        }

        int seq() {
            return seq;
        }

        String hash() {
            return hash;
        }

        void append(AuditTrail.Row row) {
            unwritten.add(row);
            seq = row.seq();
            hash = row.hash();
        }

        /** The records not yet written, handed over once. */
        List<AuditTrail.Row> takeUnwritten() {
            List<AuditTrail.Row> rows = List.copyOf(unwritten);
            unwritten.clear();
            return rows;
        }
    }

    private final Map<Long, Chain> chains = new LinkedHashMap<>();
    private final Consumer<Chain> writer;
    private boolean committing;

    private ChainsOfThisTransaction(Consumer<Chain> writer) {
        this.writer = writer;
    }

    /** This transaction's chains, begun on first use: its unwritten records are handed to the writer before the commit. */
    static ChainsOfThisTransaction current(Consumer<Chain> writer) {
        return PerTransaction.state(ChainsOfThisTransaction.class, () -> new ChainsOfThisTransaction(writer));
    }

    /** Writes what this transaction has appended so far, if it appended anything: whoever reads the trail in it sees it. */
    static void writeUnwritten() {
        ChainsOfThisTransaction chains = PerTransaction.existing(ChainsOfThisTransaction.class);
        if (chains != null) {
            chains.writeAll();
        }
    }

    Chain chain(long programId, java.util.function.LongFunction<Chain> locked) {
        return chains.computeIfAbsent(programId, locked::apply);
    }

    /** Appended while the transaction commits (by another step that runs just before it): written at once. */
    boolean committing() {
        return committing;
    }

    void writeAll() {
        chains.values().forEach(writer);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        committing = true;
        writeAll();
    }

    @Override
    public void afterCompletion(int status) {
        chains.clear();
    }
}
