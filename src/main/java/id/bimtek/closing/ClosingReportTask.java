package id.bimtek.closing;

import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.workflow.FormFields;
import id.bimtek.workflow.TaskCompletion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * fileClosingReport: staff send the realised amount per planned budget item (and any unplanned one with its
 * reason) and their notes. The task cannot be completed (in Tasklist either) before a report has been filed for it.
 */
@Component
public class ClosingReportTask implements TaskCompletion<ClosingReportTask.ClosingReport> {

    /** The report as staff send it; what each item may realise against its plan, {@link ClosingService} judges. */
    public record ClosingReport(
            @NotEmpty(message = "realisedItems must list at least one item") List<@Valid @NotNull(message = "each item needs a description and an amount") Item> realisedItems,
            @Size(max = 4000, message = "notes must be at most 4000 characters") String notes) {
    }

    public record Item(
            @NotBlank(message = "a description of at most 300 characters is required")
            @Size(max = 300, message = "a description of at most 300 characters is required") String description,
            // 1e999999999 is a number too: refused before anything spells it out
            @NotNull(message = "amount must be a number")
            @PositiveOrZero(message = "amount must be zero or more, with at most two decimals")
            @Digits(integer = 15, fraction = 2, message = "amount must be below 1,000,000,000,000,000 rupiah, with at most two decimals")
            BigDecimal amount,
            @Size(max = 1000, message = "a reason of at most 1000 characters") String reason) {
    }

    private final ClosingService closing;

    public ClosingReportTask(ClosingService closing) {
        this.closing = closing;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of("fileClosingReport");
    }

    @Override
    public Class<ClosingReport> commandType() {
        return ClosingReport.class;
    }

    @Override
    public Map<String, Object> complete(OpenTask task, ClosingReport report, CurrentUser user) {
        List<ClosingService.RealisedItem> items = report.realisedItems().stream()
                .map(item -> new ClosingService.RealisedItem(item.description().trim(), item.amount(),
                        item.reason() == null ? null : item.reason().strip()))
                .toList();
        closing.fileReport(task.programId(), task.id(), items, FormFields.trimmed(report.notes()), user.id());
        return Map.of();
    }

    @Override
    public void checkCompletable(OpenTask task) {
        if (!closing.reportFiledFor(task.id())) {
            throw ProblemException.invalid("realisedItems", "file the closing report with its realised items: on the page "
                    + "/kerja/program/" + task.programId() + "/penutupan, or POST /api/tasks/{id}/complete with realisedItems")
                    .because("CLOSING_REPORT_NOT_FILED", "/kerja/program/" + task.programId() + "/penutupan");
        }
    }
}
