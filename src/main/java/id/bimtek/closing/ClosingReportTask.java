package id.bimtek.closing;

import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.workflow.FormFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import id.bimtek.workflow.TaskCompletion;

/**
 * fileClosingReport: staff send the realised amount per planned budget item (and any unplanned one with its
 * reason) and their notes. The task cannot be
 * completed (in Tasklist either) before a report has been filed for it.
 */
@Component
public class ClosingReportTask implements TaskCompletion {


    private final ClosingService closing;

    public ClosingReportTask(ClosingService closing) {
        this.closing = closing;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of("fileClosingReport");
    }

    @Override
    public Map<String, Object> complete(OpenTask task, Map<String, Object> form, CurrentUser user) {
        FormFields.allowOnly(form, Set.of("realisedItems", "notes"));
        if (!(form.get("realisedItems") instanceof List<?> raw) || raw.isEmpty()) {
            throw ProblemException.invalid("realisedItems", "realisedItems must list at least one item");
        }
        List<ClosingService.RealisedItem> items = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = "realisedItems[" + i + "]";
            if (!(raw.get(i) instanceof Map<?, ?> item)) {
                throw ProblemException.invalid(field, "each item needs a description and an amount");
            }
            if (!(item.get("description") instanceof String description) || description.isBlank() || description.length() > 300) {
                throw ProblemException.invalid(field + ".description", "a description of at most 300 characters is required");
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(String.valueOf(item.get("amount")));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(field + ".amount", "amount must be a number");
            }
            // 1e999999999 is a number too: refused before anything spells it out
            if (amount.precision() - amount.scale() > 15) {
                throw ProblemException.invalid(field + ".amount", "amount must be below 1,000,000,000,000,000 rupiah");
            }
            if (amount.signum() < 0 || amount.scale() > 2) {
                throw ProblemException.invalid(field + ".amount", "amount must be zero or more, with at most two decimals");
            }
            Object reason = item.get("reason");
            if (reason != null && (!(reason instanceof String text) || text.length() > 1000)) {
                throw ProblemException.invalid(field + ".reason", "a reason of at most 1000 characters");
            }
            items.add(new ClosingService.RealisedItem(description.trim(), amount, reason == null ? null : ((String) reason).strip()));
        }
        closing.fileReport(task.programId(), task.id(), items, FormFields.text(form, "notes", 4000), user.id());
        return Map.of();
    }

    @Override
    public void checkCompletable(OpenTask task) {
        if (!closing.reportFiledFor(task.id())) {
            throw ProblemException.invalid("realisedItems", "file the closing report with its realised items: on the page "
                    + "/kerja/program/" + task.programId() + "/penutupan, or POST /api/tasks/{id}/complete with realisedItems");
        }
    }
}
