package id.bimtek.budget;

/** What a movement on a budget line does: commits an approved total, realises what was spent, releases the rest. */
public enum BudgetMovementKind {
    COMMIT("komitmen"), REALISE("realisasi"), RELEASE("pengembalian");

    private final String word;

    BudgetMovementKind(String word) {
        this.word = word;
    }

    /** As the audit trail's sentences name the movement: "komitmen Rp 24.600.000,00". */
    public String word() {
        return word;
    }
}
