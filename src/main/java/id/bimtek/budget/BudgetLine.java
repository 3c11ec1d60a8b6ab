package id.bimtek.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/**
 * A budget line (mata anggaran) of one fiscal year with its ceiling (pagu). Committed and realised
 * amounts only ever change through {@link BudgetService}'s conditional updates.
 */
@Entity
public class BudgetLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private int fiscalYear;
    @Enumerated(EnumType.STRING)
    private FundingSource source;
    private BigDecimal ceiling;
    @Column(insertable = false, updatable = false)
    private BigDecimal committed;
    @Column(insertable = false, updatable = false)
    private BigDecimal realised;

    protected BudgetLine() {
    }

    public BudgetLine(String code, String name, int fiscalYear, FundingSource source, BigDecimal ceiling) {
        this.code = code;
        this.name = name;
        this.fiscalYear = fiscalYear;
        this.source = source;
        this.ceiling = ceiling;
        this.committed = BigDecimal.ZERO;
        this.realised = BigDecimal.ZERO;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public FundingSource getSource() {
        return source;
    }

    public BigDecimal getCeiling() {
        return ceiling;
    }

    public BigDecimal getCommitted() {
        return committed;
    }

    public BigDecimal getRealised() {
        return realised;
    }

    public BigDecimal getRemaining() {
        return ceiling.subtract(committed).subtract(realised);
    }
}
