package id.bimtek.budget;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Budget lines in JPQL, not derived from the method's name: Hibernate keeps a written query's plan. */
public interface BudgetLineRepository extends JpaRepository<BudgetLine, Long> {

    @Query("select l from BudgetLine l where l.code = :code and l.fiscalYear = :fiscalYear")
    Optional<BudgetLine> findByCodeAndFiscalYear(String code, int fiscalYear);

    @Query("select l from BudgetLine l where l.code = :code order by l.fiscalYear desc")
    List<BudgetLine> findByCodeOrderByFiscalYearDesc(String code);
}
