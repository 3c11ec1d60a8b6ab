package id.bimtek.audit;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The chain heads the current transaction has locked, with their last sequence number and hash: a transaction
 * that holds a head is the only one that can move it, so after the first read it knows the head without
 * asking again. Kept in a synchronization of the transaction, so a transaction started inside it
 * ({@code REQUIRES_NEW}) has its own, and forgotten when the transaction ends.
 */
final class HeldHeads implements TransactionSynchronization {

    static final class Head {
        private int seq;
        private String hash;

        Head(int seq, String hash) {
            this.seq = seq;
            this.hash = hash;
        }

        int seq() {
            return seq;
        }

        String hash() {
            return hash;
        }

        void movedTo(int newSeq, String newHash) {
            this.seq = newSeq;
            this.hash = newHash;
        }
    }

    private final Map<Long, Head> heads = new HashMap<>();

    private HeldHeads() {
    }

    static Map<Long, Head> ofThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof HeldHeads held) {
                return held.heads;
            }
        }
        HeldHeads held = new HeldHeads();
        TransactionSynchronizationManager.registerSynchronization(held);
        return held.heads;
    }

    @Override
    public void afterCompletion(int status) {
        heads.clear();
    }
}
