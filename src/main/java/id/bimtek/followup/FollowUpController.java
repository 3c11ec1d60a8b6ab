package id.bimtek.followup;

import id.bimtek.shared.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programs/{programId}")
public class FollowUpController {

    private final FollowUpService followUp;

    public FollowUpController(FollowUpService followUp) {
        this.followUp = followUp;
    }

    public record NewItem(@NotNull Long registrationId, @NotNull FollowUpKind kind, FollowUpStatus status,
                          @Size(max = 1000) String note) {
    }

    public record ItemUpdate(@NotNull FollowUpStatus status, @Size(max = 1000) String note) {
    }

    public record OutcomeRequest(@NotNull Long registrationId, @NotNull @Min(1) Integer round,
                                 @NotNull Boolean businessActive,
                                 @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal monthlyRevenue,
                                 @NotNull @Min(0) Integer employees) {
    }

    @GetMapping("/follow-up-items")
    List<Map<String, Object>> items(@PathVariable long programId) {
        return followUp.items(programId);
    }

    @PostMapping("/follow-up-items")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> add(@PathVariable long programId, @Valid @RequestBody NewItem item) {
        long id = followUp.addItem(programId, item.registrationId(), item.kind(),
                item.status() == null ? FollowUpStatus.PLANNED : item.status(), item.note(), CurrentUser.get().id());
        return Map.of("id", id);
    }

    @PutMapping("/follow-up-items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(@PathVariable long programId, @PathVariable long itemId, @Valid @RequestBody ItemUpdate update) {
        followUp.updateItem(programId, itemId, update.status(), update.note(), CurrentUser.get().id());
    }

    @GetMapping("/outcomes")
    List<Map<String, Object>> outcomes(@PathVariable long programId) {
        return followUp.outcomes(programId);
    }

    @PostMapping("/outcomes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> record(@PathVariable long programId, @Valid @RequestBody OutcomeRequest outcome) {
        long id = followUp.recordOutcome(programId, outcome.registrationId(), outcome.round(), outcome.businessActive(),
                outcome.monthlyRevenue(), outcome.employees(), CurrentUser.get().id());
        return Map.of("id", id);
    }
}
