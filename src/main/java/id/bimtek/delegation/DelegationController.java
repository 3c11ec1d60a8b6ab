package id.bimtek.delegation;

import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.Wib;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/delegations")
public class DelegationController {

    private final Delegations delegations;

    public DelegationController(Delegations delegations) {
        this.delegations = delegations;
    }

    public record NewDelegation(@NotBlank @Size(max = 100) String deputy, OffsetDateTime validFrom,
                                @NotNull OffsetDateTime validUntil, @Size(max = 500) String reason) {
    }

    /** A head hands their approvals to a deputy for a period (from now when no start is given). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Delegations.Delegation delegate(@Valid @RequestBody NewDelegation request) {
        Instant from = request.validFrom() == null ? Wib.now() : request.validFrom().toInstant();
        return delegations.delegate(CurrentUser.get().id(), request.deputy().trim(), from,
                request.validUntil().toInstant(), request.reason());
    }

    @GetMapping
    List<Delegations.Delegation> mine() {
        return delegations.involving(CurrentUser.get().id());
    }

    @PostMapping("/{id}/revoke")
    Delegations.Delegation revoke(@PathVariable long id) {
        return delegations.revoke(id, CurrentUser.get().id());
    }
}
