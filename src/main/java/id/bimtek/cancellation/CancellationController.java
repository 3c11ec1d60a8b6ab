package id.bimtek.cancellation;

import id.bimtek.shared.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CancellationController {

    private final CancellationService cancellation;

    public CancellationController(CancellationService cancellation) {
        this.cancellation = cancellation;
    }

    public record CancellationRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/programs/{id}/cancel")
    Map<String, Object> cancel(@PathVariable long id, @Valid @RequestBody CancellationRequest request) {
        var program = cancellation.requestCancellation(id, request.reason().trim(), CurrentUser.get().id());
        return Map.of("id", program.getId(), "code", program.getCode(), "status", program.getStatus());
    }
}
