package id.bimtek.proposal;

import id.bimtek.budget.BudgetService;
import id.bimtek.shared.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programs")
public class ProgramController {

    private final ProgramService service;
    private final BudgetService budget;

    public ProgramController(ProgramService service, BudgetService budget) {
        this.service = service;
        this.budget = budget;
    }

    @PostMapping
    ResponseEntity<ProgramView> create(@Valid @RequestBody ProgramRequest request) {
        Program program = service.create(request, CurrentUser.get().id());
        return ResponseEntity.created(URI.create("/api/programs/" + program.getId())).body(view(program.getId()));
    }

    @GetMapping
    List<ProgramView.Summary> list(@RequestParam(required = false) ProgramStatus status) {
        return service.list(status)
                .stream().map(ProgramView.Summary::of).toList();
    }

    @GetMapping("/{id}")
    ProgramView get(@PathVariable long id) {
        return view(id);
    }

    @PutMapping("/{id}")
    ProgramView update(@PathVariable long id, @Valid @RequestBody ProgramRequest request) {
        service.update(id, request, CurrentUser.get().id());
        return view(id);
    }

    @PostMapping("/{id}/submit")
    ProgramView submit(@PathVariable long id) {
        service.submit(id, CurrentUser.get().id());
        return view(id);
    }

    private ProgramView view(long id) {
        Program program = service.get(id);
        String lineCode = budget.line(program.getBudgetLineId()).getCode();
        return ProgramView.of(program, lineCode);
    }
}
