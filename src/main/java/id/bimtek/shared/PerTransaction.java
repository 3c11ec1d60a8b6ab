package id.bimtek.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State that lives as long as the current transaction: kept in one of its synchronizations, so a transaction
 * started inside it ({@code REQUIRES_NEW}) has its own and the state is gone when the transaction ends.
 */
public final class PerTransaction {

    private PerTransaction() {
    }

    /** The transaction's synchronization of this type, registered by {@code create} on first use; none outside a transaction. */
    public static <T extends TransactionSynchronization> T state(Class<T> type, Supplier<T> create) {
        T existing = existing(type);
        if (existing != null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return existing;
        }
        T created = create.get();
        TransactionSynchronizationManager.registerSynchronization(created);
        return created;
    }

    /** The transaction's synchronization of this type, if it has one. */
    public static <T extends TransactionSynchronization> T existing(Class<T> type) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (type.isInstance(synchronization)) {
                return type.cast(synchronization);
            }
        }
        return null;
    }

    /**
     * Answers worked out once per transaction, for facts one request reads several times and does not change
     * itself (a user's groups, whose deputy they are); worked out afresh each time outside a transaction.
     */
    public static final class Memo<K, V> {

        @SuppressWarnings("unchecked")
        public V get(K key, Function<K, V> workOut) {
            Answers answers = state(Answers.class, Answers::new);
            if (answers == null) {
                return workOut.apply(key);
            }
            Map<Object, Object> mine = answers.of(this);
            if (mine.containsKey(key)) {
                return (V) mine.get(key);
            }
            V value = workOut.apply(key); // may ask other memos: no map is changed while it runs
            mine.put(key, value);
            return value;
        }

        /** Forgets this transaction's answers, after it changed what they were worked out from. */
        public void forget() {
            Answers answers = existing(Answers.class);
            if (answers != null) {
                answers.of(this).clear();
            }
        }
    }

    private static final class Answers implements TransactionSynchronization {
        private final Map<Memo<?, ?>, Map<Object, Object>> byMemo = new HashMap<>();

        Map<Object, Object> of(Memo<?, ?> memo) {
            return byMemo.computeIfAbsent(memo, m -> new HashMap<>());
        }
    }
}
