package id.bimtek.budget;

/** What a movement on a budget line does: commits an approved total, realises what was spent, releases the rest. */
public enum BudgetMovementKind {
    COMMIT, REALISE, RELEASE
}
