package id.bimtek.workspace;

import id.bimtek.registration.ScheduleChanges;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.StaffPage;
import id.bimtek.shared.Wib;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Department heads move a batch that has not started (the venue fell through, a holiday was declared): new start
 * date, sessions shifted with it, optionally a new place, and the reason, which applicants and auditors read.
 */
@Controller
class SchedulePage {

    private final ProgramService programs;
    private final ScheduleChanges changes;
    private final StaffPage page;
    private final id.bimtek.shared.Words words;

    SchedulePage(ProgramService programs, ScheduleChanges changes, StaffPage page, id.bimtek.shared.Words words) {
        this.programs = programs;
        this.changes = changes;
        this.page = page;
        this.words = words;
    }

    @GetMapping("/kerja/program/{programId}/jadwal")
    String form(@PathVariable long programId, Model model) {
        model.addAttribute("program", programs.get(programId));
        model.addAttribute("today", Wib.today());
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/schedule";
    }

    @PostMapping("/kerja/program/{programId}/jadwal")
    String move(@PathVariable long programId, @RequestParam long gelombang, @RequestParam(required = false) String mulai,
                @RequestParam(required = false) String tempat, @RequestParam(required = false) String alasan,
                RedirectAttributes redirect) {
        Program program = programs.get(programId);
        LocalDate start;
        try {
            start = LocalDate.parse(mulai == null ? "" : mulai);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problem", "Isi tanggal mulai yang baru.");
            return "redirect:/kerja/program/{programId}/jadwal";
        }
        if (alasan == null || alasan.isBlank() || alasan.strip().length() > 1000) {
            redirect.addFlashAttribute("problem", "Tuliskan alasannya (paling banyak 1000 karakter); pendaftar dan auditor membacanya.");
            return "redirect:/kerja/program/{programId}/jadwal";
        }
        try {
            ScheduleChanges.Result result = changes.move(programId, gelombang, start, tempat, alasan, CurrentUser.get().id());
            redirect.addFlashAttribute("done", result.move().batch() + " " + program.getCode() + " dipindah ke "
                    + words.shortDay(result.move().start()) + " s.d. " + words.shortDay(result.move().end())
                    + (result.move().venue() == null ? "" : " di " + result.move().venue()) + "; " + result.told()
                    + " pendaftar diberi tahu.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
        }
        return "redirect:/kerja/program/{programId}/jadwal";
    }
}
