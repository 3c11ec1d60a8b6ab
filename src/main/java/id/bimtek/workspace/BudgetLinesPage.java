package id.bimtek.workspace;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetService;
import id.bimtek.budget.FundingSource;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Rupiah;
import id.bimtek.shared.StaffPage;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Budget lines for administrators: every line with its ceiling, what is committed, realised and left; a new line;
 * a ceiling raised or lowered during the year with its reason, never below what the line has committed and
 * realised. Each change is kept with who, when and why, and auditors read them on the line's ledger.
 */
@Controller
@RequestMapping("/kerja/anggaran")
class BudgetLinesPage {

    private final BudgetService budget;
    private final StaffPage page;

    BudgetLinesPage(BudgetService budget, StaffPage page) {
        this.budget = budget;
        this.page = page;
    }

    @GetMapping
    String lines(Model model) {
        List<BudgetLine> lines = budget.lines();
        Map<Long, List<BudgetService.CeilingChange>> changes = new LinkedHashMap<>();
        lines.forEach(line -> changes.put(line.getId(), budget.ceilingChanges(line.getId())));
        model.addAttribute("lines", lines);
        model.addAttribute("changes", changes);
        model.addAttribute("year", id.bimtek.shared.Wib.today().getYear());
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/budget-lines";
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String code = form.getOrDefault("kode", "").strip();
        String name = form.getOrDefault("nama", "").strip();
        String agency = form.getOrDefault("instansi", "").strip();
        String source = form.getOrDefault("sumber", "APBD");
        BigDecimal ceiling = Rupiah.parse(form.getOrDefault("pagu", ""));
        Integer year = form.getOrDefault("tahun", "").matches("\\d{4}") ? Integer.valueOf(form.get("tahun")) : null;
        if (code.isEmpty() || code.length() > 64 || name.isEmpty() || name.length() > 300 || agency.isEmpty()
                || agency.length() > 300 || ceiling == null || year == null || year < 2000 || year > 2100
                || !List.of("APBD", "APBN").contains(source)) {
            redirect.addFlashAttribute("problem", "Isi kode, nama, instansi, tahun anggaran (mis. 2026), sumber dana dan pagu"
                    + " (angka rupiah, mis. 500.000.000).");
            return "redirect:/kerja/anggaran";
        }
        try {
            BudgetLine line = budget.create(code, name, agency, year, FundingSource.valueOf(source), ceiling);
            redirect.addFlashAttribute("done", "Mata anggaran " + line.getCode() + " (" + line.getFiscalYear() + ") dibuat, pagu "
                    + Rupiah.of(line.getCeiling()) + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", "code".equals(e.field()) && e.getMessage().contains("urusan")
                    ? "Kode APBD mengikuti susunan urusan.bidang.program.kegiatan.sub-kegiatan, mis. 3.31.01.2.01.0003."
                    : page.explain(e));
        }
        return "redirect:/kerja/anggaran";
    }

    @PostMapping("/{lineId}/pagu")
    String changeCeiling(@PathVariable long lineId, @RequestParam(required = false) String pagu,
                         @RequestParam(required = false) String alasan, RedirectAttributes redirect) {
        BigDecimal ceiling = Rupiah.parse(pagu);
        String reason = alasan == null ? "" : alasan.strip();
        if (ceiling == null || reason.isEmpty() || reason.length() > 1000) {
            redirect.addFlashAttribute("problem", "Isi pagu baru (angka rupiah) dan alasannya (mis. APBD Perubahan).");
            return "redirect:/kerja/anggaran";
        }
        try {
            BudgetLine before = budget.line(lineId);
            BudgetLine line = budget.changeCeiling(lineId, ceiling, reason, CurrentUser.get().id());
            redirect.addFlashAttribute("done", "Pagu " + line.getCode() + " diubah dari " + Rupiah.of(before.getCeiling())
                    + " menjadi " + Rupiah.of(line.getCeiling()) + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
        }
        return "redirect:/kerja/anggaran";
    }
}
