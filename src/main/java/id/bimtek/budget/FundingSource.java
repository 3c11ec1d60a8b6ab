package id.bimtek.budget;

/** Where a budget line's money comes from: the regional (APBD) or the national (APBN) budget. */
public enum FundingSource {
    APBD, APBN
}
