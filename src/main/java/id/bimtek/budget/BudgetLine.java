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
    /** the agency whose budget this is; null only on lines from before agencies were recorded */
    private String agency;
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

    public BudgetLine(String code, String name, String agency, int fiscalYear, FundingSource source, BigDecimal ceiling) {
        this.code = code;
        this.name = name;
        this.agency = agency;
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

    public String getAgency() {
        return agency;
    }

    /** The regional code's parts (urusan … sub kegiatan); empty for an APBN line. */
    public java.util.Optional<BudgetCode> getCodeParts() {
        return source == FundingSource.APBD ? BudgetCode.parse(code) : java.util.Optional.empty();
    }

    /** Whether a programme of {@code programAgency} may be paid from this line. */
    public boolean belongsTo(String programAgency) {
        return agency == null || agency.strip().equalsIgnoreCase(programAgency.strip());
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
