package id.bimtek.auditor;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class HistoryController {

    private final ProgramHistory history;

    public HistoryController(ProgramHistory history) {
        this.history = history;
    }

    @GetMapping("/api/programs/{id}/history")
    List<ProgramHistory.Entry> history(@PathVariable long id) {
        return history.of(id);
    }
}
