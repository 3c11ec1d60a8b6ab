package id.bimtek.budget;

import id.bimtek.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/budget-lines")
public class BudgetLineController {

    private final BudgetService budget;

    public BudgetLineController(BudgetService budget) {
        this.budget = budget;
    }

    public record NewBudgetLine(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z.\\-]+", message = "may hold digits, letters, dots and dashes") String code,
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 300) String agency,
            @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @NotNull FundingSource source,
            @NotNull @DecimalMin("0") @jakarta.validation.constraints.Digits(integer = 16, fraction = 2) BigDecimal ceiling) {
    }

    /** A line; {@code codeParts} names the parts of a regional code (Urusan … Sub Kegiatan), absent for APBN. */
    public record BudgetLineView(Long id, String code, Map<String, String> codeParts, String name, String agency,
                                 int fiscalYear, FundingSource source, BigDecimal ceiling, BigDecimal committed,
                                 BigDecimal realised, BigDecimal remaining) {

        static BudgetLineView of(BudgetLine line) {
            return new BudgetLineView(line.getId(), line.getCode(), line.getCodeParts().map(BudgetCode::named).orElse(null),
                    line.getName(), line.getAgency(), line.getFiscalYear(), line.getSource(),
                    line.getCeiling(), line.getCommitted(), line.getRealised(), line.getRemaining());
        }
    }

    @PostMapping
    ResponseEntity<BudgetLineView> create(@Valid @RequestBody NewBudgetLine request) {
        BudgetLine line = budget.create(request.code(), request.name(), request.agency(), request.fiscalYear(), request.source(), request.ceiling());
        return ResponseEntity.created(URI.create("/api/budget-lines/" + line.getCode() + "?fiscalYear=" + line.getFiscalYear()))
                .body(BudgetLineView.of(budget.line(line.getId())));
    }

    /** The line of the given fiscal year, or of the latest year when none is given. */
    @GetMapping("/{code}")
    BudgetLineView get(@PathVariable String code, @RequestParam(required = false) Integer fiscalYear) {
        return budget.find(code, fiscalYear).map(BudgetLineView::of)
                .orElseThrow(() -> ProblemException.notFound("budget line " + code));
    }
}
