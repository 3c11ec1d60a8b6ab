package id.bimtek.budget;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BudgetLineRepository extends JpaRepository<BudgetLine, Long> {

    Optional<BudgetLine> findByCodeAndFiscalYear(String code, int fiscalYear);

    List<BudgetLine> findByCodeOrderByFiscalYearDesc(String code);
}
