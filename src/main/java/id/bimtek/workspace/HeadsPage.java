package id.bimtek.workspace;

import id.bimtek.cancellation.CancellationService;
import id.bimtek.delegation.Delegations;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.StaffPage;
import id.bimtek.shared.Wib;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What heads do outside their tasks: hand their approvals to a deputy for a period and end it early
 * (division and department heads); move a programme's registration deadline or close it now, and cancel a
 * programme, each with its reason (department heads).
 */
@Controller
class HeadsPage {

    private final Delegations delegations;
    private final CancellationService cancellation;
    private final ProgramService programs;
    private final StaffPage page;
    private final id.bimtek.workflow.RegistrationDeadlines deadlines;
    private final id.bimtek.shared.Words words;

    HeadsPage(Delegations delegations, CancellationService cancellation, ProgramService programs, StaffPage page,
              id.bimtek.workflow.RegistrationDeadlines deadlines, id.bimtek.shared.Words words) {
        this.deadlines = deadlines;
        this.words = words;
        this.delegations = delegations;
        this.cancellation = cancellation;
        this.programs = programs;
        this.page = page;
    }

    @GetMapping("/kerja/wakil")
    String deputies(Model model) {
        String me = CurrentUser.get().id();
        Map<String, String> heads = page.membersOf(Delegations.HEAD_GROUPS);
        heads.remove(me);
        Instant now = Wib.now();
        List<Delegations.Delegation> mine = delegations.involving(me);
        model.addAttribute("delegations", mine);
        model.addAttribute("active", mine.stream().filter(d -> d.revokedAt() == null && d.validUntil().isAfter(now)
                && d.principal().equals(me)).map(Delegations.Delegation::id).toList());
        model.addAttribute("heads", heads);
        model.addAttribute("names", page.membersOf(Delegations.HEAD_GROUPS));
        model.addAttribute("myId", me);
        model.addAttribute("me", page.nameOf(me));
        return "kerja/deputies";
    }

    @PostMapping("/kerja/wakil")
    String delegate(@RequestParam(required = false) String wakil, @RequestParam(required = false) String sampai,
                    @RequestParam(required = false) String alasan, RedirectAttributes redirect) {
        if (wakil == null || wakil.isBlank() || sampai == null || sampai.isBlank()) {
            redirect.addFlashAttribute("problem", "Pilih wakil dan sampai tanggal berapa.");
            return "redirect:/kerja/wakil";
        }
        Instant until;
        try {
            until = LocalDate.parse(sampai).plusDays(1).atStartOfDay(Wib.ZONE).toInstant(); // through the whole last day
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problem", "Tanggal tidak valid.");
            return "redirect:/kerja/wakil";
        }
        String reason = alasan == null || alasan.isBlank() ? null : alasan.strip();
        if (reason != null && reason.length() > 500) {
            redirect.addFlashAttribute("problem", "Alasan paling banyak 500 karakter.");
            return "redirect:/kerja/wakil";
        }
        try {
            delegations.delegate(CurrentUser.get().id(), wakil.strip(), Wib.now(), until, reason);
            redirect.addFlashAttribute("done", page.nameOf(wakil.strip()) + " mewakili Anda sampai " + sampai
                    + ": tugas persetujuan Anda tampil juga di daftar tugasnya.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
        }
        return "redirect:/kerja/wakil";
    }

    @PostMapping("/kerja/wakil/{id}/akhiri")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            delegations.revoke(id, CurrentUser.get().id());
            redirect.addFlashAttribute("done", "Perwakilan diakhiri.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
        }
        return "redirect:/kerja/wakil";
    }

    @GetMapping("/kerja/program/{programId}/pendaftaran")
    String deadlineForm(@PathVariable long programId, Model model) {
        Program program = programs.get(programId);
        model.addAttribute("program", program);
        model.addAttribute("open", program.getStatus() == id.bimtek.proposal.ProgramStatus.REGISTRATION_OPEN);
        model.addAttribute("deadline", program.getRegistrationDeadline().atZone(Wib.ZONE).toLocalDateTime().withSecond(0).toString());
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/deadline";
    }

    /** {@code aksi=tutup} closes registration now; otherwise {@code batas} is the new deadline (WIB). */
    @PostMapping("/kerja/program/{programId}/pendaftaran")
    String changeDeadline(@PathVariable long programId, @RequestParam(required = false) String batas,
                          @RequestParam(required = false) String alasan, @RequestParam(defaultValue = "ubah") String aksi,
                          RedirectAttributes redirect) {
        Program program = programs.get(programId);
        String back = "redirect:/kerja/program/{programId}/pendaftaran";
        String reason = alasan == null ? "" : alasan.strip();
        if (reason.isEmpty() || reason.length() > 1000) {
            redirect.addFlashAttribute("problem", "Tuliskan alasannya (paling banyak 1000 karakter); pendaftar dan auditor membacanya.");
            return back;
        }
        Instant deadline = null;
        if (!aksi.equals("tutup")) {
            try {
                deadline = java.time.LocalDateTime.parse(batas == null ? "" : batas).atZone(Wib.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                redirect.addFlashAttribute("problem", "Isi batas pendaftaran yang baru: tanggal dan jam.");
                return back;
            }
            if (deadline.isBefore(Wib.now())) {
                redirect.addFlashAttribute("problem", "Batas yang baru sudah lewat; untuk menutup sekarang pakai \"Tutup pendaftaran sekarang\".");
                return back;
            }
        }
        try {
            Instant set = deadlines.change(programId, deadline, reason, CurrentUser.get().id());
            redirect.addFlashAttribute("done", deadline == null
                    ? "Pendaftaran " + program.getCode() + " ditutup sekarang; peserta ditetapkan setelah proses penutupan berjalan."
                    : "Batas pendaftaran " + program.getCode() + " menjadi " + words.when(set) + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
        }
        return back;
    }

    @GetMapping("/kerja/program/{programId}/batal")
    String cancelForm(@PathVariable long programId, Model model) {
        Program program = programs.get(programId);
        model.addAttribute("program", program);
        model.addAttribute("cancellable", CancellationService.isCancellable(program.getStatus()));
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/cancel";
    }

    @PostMapping("/kerja/program/{programId}/batal")
    String cancel(@PathVariable long programId, @RequestParam(required = false) String alasan, RedirectAttributes redirect) {
        Program program = programs.get(programId);
        String reason = alasan == null ? "" : alasan.strip();
        if (reason.isEmpty() || reason.length() > 1000) {
            redirect.addFlashAttribute("problem", "Tuliskan alasan pembatalan (paling banyak 1000 karakter); pendaftar dan auditor membacanya.");
            return "redirect:/kerja/program/{programId}/batal";
        }
        try {
            cancellation.requestCancellation(programId, reason, CurrentUser.get().id());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
            return "redirect:/kerja/program/{programId}/batal";
        }
        redirect.addFlashAttribute("done", "Program " + program.getCode() + " dibatalkan: anggarannya kembali ke mata anggaran "
                + "dan pendaftarnya diberi tahu.");
        return "redirect:/kerja";
    }
}
