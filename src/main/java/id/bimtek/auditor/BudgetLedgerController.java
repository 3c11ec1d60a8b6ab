package id.bimtek.auditor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A budget line's ledger: every movement with the running balance, and whether it reconciles with the line. */
@RestController
public class BudgetLedgerController {

    private final AuditorQueries queries;

    public BudgetLedgerController(AuditorQueries queries) {
        this.queries = queries;
    }

    @GetMapping({"/api/budget-lines/{code}/ledger", "/audit/budget-lines/{code}/ledger.json"})
    AuditorQueries.Ledger ledger(@PathVariable String code, @RequestParam(required = false) Integer fiscalYear) {
        return queries.ledger(code, fiscalYear);
    }
}
