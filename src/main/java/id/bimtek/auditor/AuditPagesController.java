package id.bimtek.auditor;

import id.bimtek.audit.AuditTrail;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The auditors' pages (Bahasa Indonesia): search, a programme's timeline, a budget line's ledger; and the login page. */
@Controller
public class AuditPagesController {

    private final AuditTrail audit;
    private final AuditorQueries queries;
    private final Timeline timeline;
    private final Labels labels;

    public AuditPagesController(AuditTrail audit, AuditorQueries queries, Timeline timeline, Labels labels) {
        this.audit = audit;
        this.queries = queries;
        this.timeline = timeline;
        this.labels = labels;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping({"/audit", "/audit/"})
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String user,
                  @RequestParam(required = false) String line, @RequestParam(required = false) Integer year,
                  Model model, Authentication caller) {
        model.addAttribute("q", q);
        model.addAttribute("user", user);
        model.addAttribute("line", line);
        model.addAttribute("year", year);
        model.addAttribute("hits", queries.search(q, user, line, year, 200));
        model.addAttribute("searched", AuditFilter.blankToNull(q) != null || AuditFilter.blankToNull(user) != null
                || AuditFilter.blankToNull(line) != null || year != null);
        model.addAttribute("me", caller.getName());
        return "audit/search";
    }

    @GetMapping("/audit/programs/{id}")
    String program(@PathVariable long id, @RequestParam(required = false) AuditTrail.Stage stage,
                   @RequestParam(required = false) String user, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(defaultValue = "false") boolean engineSteps, @RequestParam(defaultValue = "1") int hal,
                   Model model, Authentication caller) {
        AuditorQueries.ProgramHeader program = queries.header(id);
        AuditFilter filter = AuditFilter.of(stage, user, kind, from, to, engineSteps);
        AuditTrail.VerifiedTrail trail = audit.verified(id);
        List<AuditTrail.Record> all = trail.records();
        model.addAttribute("program", program);
        model.addAttribute("money", queries.money(id));
        model.addAttribute("timeline", timeline.of(all, filter, hal));
        model.addAttribute("total", all.size());
        model.addAttribute("verification", trail.verification());
        model.addAttribute("stages", Arrays.asList(AuditTrail.Stage.values()));
        model.addAttribute("users", all.stream().flatMap(r -> java.util.stream.Stream.of(r.actor(), r.onBehalfOf()))
                .filter(java.util.Objects::nonNull).distinct().sorted().toList());
        model.addAttribute("kinds", all.stream().map(AuditTrail.Record::kind).distinct()
                .sorted(java.util.Comparator.comparing(labels::kind)).toList());
        model.addAttribute("stage", stage);
        model.addAttribute("user", filter.user());
        model.addAttribute("kind", filter.kind());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("engineSteps", engineSteps);
        model.addAttribute("filtered", !filter.isEmpty() || engineSteps);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("stage", stage);
        query.put("user", filter.user());
        query.put("kind", filter.kind());
        query.put("from", filter.from());
        query.put("to", filter.to());
        query.put("engineSteps", engineSteps);
        String base = "/audit/programs/" + id + "/audit";
        model.addAttribute("jsonLink", link(base + ".json", query));
        model.addAttribute("csvLink", link(base + ".csv", query));
        model.addAttribute("pdfLink", link(base + ".pdf", query));
        Map<String, Object> withEngine = new LinkedHashMap<>(query);
        withEngine.put("from", from);
        withEngine.put("to", to);
        withEngine.put("engineSteps", !engineSteps);
        model.addAttribute("engineStepsLink", link("/audit/programs/" + id, withEngine));
        // a stage's next or previous page keeps the other filters
        Map<String, Object> paging = new LinkedHashMap<>(withEngine);
        paging.put("engineSteps", engineSteps);
        paging.remove("stage");
        model.addAttribute("pageLink", link("/audit/programs/" + id, paging));
        model.addAttribute("me", caller.getName());
        return "audit/program";
    }

    @GetMapping("/audit/budget-lines/{code}")
    String ledger(@PathVariable String code, @RequestParam(required = false) Integer fiscalYear, Model model,
                  Authentication caller) {
        model.addAttribute("ledger", queries.ledger(code, fiscalYear));
        model.addAttribute("me", caller.getName());
        return "audit/ledger";
    }

    /** Filters as instants, so the exports get exactly the window the page shows. */
    private static String link(String path, Map<String, Object> query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        query.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value.toString());
            }
        });
        return uri.encode().build().toUriString();
    }
}
