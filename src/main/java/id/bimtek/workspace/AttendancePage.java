package id.bimtek.workspace;

import id.bimtek.delivery.AttendanceRecords;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.delivery.BatchClosing;
import id.bimtek.proposal.Batch;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.StaffPage;
import id.bimtek.workflow.WorkflowTasks;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The attendance sheet of a batch, for staff at the venue (phone-sized first): one session at a time, every
 * participant with a box to tick, "all present" and "as the previous session" to start from, and closing the
 * batch (the task "Catat kehadiran") when its sessions are done.
 */
@Controller
@RequestMapping("/kerja/program/{programId}/gelombang/{batchId}")
class AttendancePage {

    private final ProgramService programs;
    private final AttendanceService attendance;
    private final AttendanceRecords records;
    private final BatchClosing closing;
    private final WorkflowTasks tasks;
    private final StaffPage page;

    AttendancePage(ProgramService programs, AttendanceService attendance, AttendanceRecords records, BatchClosing closing,
                   WorkflowTasks tasks, StaffPage page) {
        this.programs = programs;
        this.attendance = attendance;
        this.records = records;
        this.closing = closing;
        this.tasks = tasks;
        this.page = page;
    }

    @GetMapping("/kehadiran")
    String sheet(@PathVariable long programId, @PathVariable long batchId, @RequestParam(required = false) Integer sesi,
                 @RequestParam(required = false) String isi, Model model) {
        Program program = programs.get(programId);
        Batch batch = batchOf(program, batchId);
        List<AttendanceRecords.SessionState> sessions = records.sessions(batchId);
        if (sessions.isEmpty()) {
            throw ProblemException.notFound("sessions of batch " + batchId);
        }
        AttendanceRecords.SessionState current = sessions.stream().filter(s -> sesi != null && s.no() == sesi).findFirst()
                .orElseGet(() -> sessions.stream().filter(s -> s.held() && !s.recorded()).findFirst()
                        .orElse(sessions.get(0)));
        List<AttendanceRecords.Person> participants = records.participants(batchId, current.no());
        List<AttendanceRecords.Person> instructors = records.instructors(batchId, current.no());
        Set<Long> ticked = new HashSet<>();
        Set<Long> instructorsTicked = new HashSet<>();
        if ("semua".equals(isi)) {
            participants.forEach(p -> ticked.add(p.id()));
            instructors.forEach(p -> instructorsTicked.add(p.id()));
        } else if ("sebelumnya".equals(isi) && current.no() > 1) {
            records.participants(batchId, current.no() - 1).stream().filter(p -> Boolean.TRUE.equals(p.present()))
                    .forEach(p -> ticked.add(p.id()));
            instructors.stream().filter(p -> Boolean.TRUE.equals(p.present())).forEach(p -> instructorsTicked.add(p.id()));
        } else {
            participants.stream().filter(p -> Boolean.TRUE.equals(p.present())).forEach(p -> ticked.add(p.id()));
            instructors.stream().filter(p -> Boolean.TRUE.equals(p.present())).forEach(p -> instructorsTicked.add(p.id()));
        }
        Optional<WorkflowTasks.TaskView> task = taskOf(programId, batchId);
        boolean open = program.getStatus() == ProgramStatus.IN_DELIVERY && !batch.isDelivered();
        model.addAttribute("program", program);
        model.addAttribute("batch", batch);
        model.addAttribute("sessions", sessions);
        model.addAttribute("current", current);
        model.addAttribute("participants", participants);
        model.addAttribute("instructors", instructors);
        model.addAttribute("ticked", ticked);
        model.addAttribute("instructorsTicked", instructorsTicked);
        model.addAttribute("prefilled", isi != null);
        model.addAttribute("open", open);
        model.addAttribute("task", task.orElse(null));
        model.addAttribute("unrecorded", sessions.stream().filter(s -> !s.recorded()).map(AttendanceRecords.SessionState::no).toList());
        model.addAttribute("recordedByName", page.nameOf(current.recordedBy()));
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/attendance";
    }

    @PostMapping("/kehadiran/{session}")
    String record(@PathVariable long programId, @PathVariable long batchId, @PathVariable int session,
                  @RequestParam(name = "hadir", required = false) List<Long> present,
                  @RequestParam(name = "instruktur", required = false) List<Long> instructorsPresent,
                  RedirectAttributes redirect) {
        batchOf(programs.get(programId), batchId);
        try {
            AttendanceService.SessionAttendance recorded = attendance.record(programId, batchId, session,
                    present == null ? List.of() : present, instructorsPresent == null ? List.of() : instructorsPresent,
                    CurrentUser.get().id());
            redirect.addFlashAttribute("done", "Kehadiran sesi " + session + " tersimpan: " + recorded.present().size()
                    + " hadir, " + recorded.absent().size() + " tidak hadir.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
        }
        redirect.addAttribute("sesi", session);
        return "redirect:/kerja/program/{programId}/gelombang/{batchId}/kehadiran";
    }

    /** Finishes the task "Catat kehadiran" of the batch: its attendance is final from then on. */
    @PostMapping("/selesai")
    String close(@PathVariable long programId, @PathVariable long batchId, @RequestParam(required = false) String alasan,
                 @RequestParam(required = false) String yakin, RedirectAttributes redirect) {
        Batch batch = batchOf(programs.get(programId), batchId);
        String back = "redirect:/kerja/program/{programId}/gelombang/{batchId}/kehadiran";
        Optional<WorkflowTasks.TaskView> task = taskOf(programId, batchId);
        if (task.isEmpty()) {
            redirect.addFlashAttribute("problem", "Tidak ada tugas pencatatan kehadiran yang terbuka untuk " + batch.getName() + ".");
            return back;
        }
        List<Integer> unrecorded = closing.unrecordedSessions(batchId);
        String reason = alasan == null || alasan.isBlank() ? null : alasan.strip();
        if (yakin == null) {
            redirect.addFlashAttribute("problem", "Centang pernyataan bahwa kehadiran " + batch.getName()
                    + " tidak dapat diubah lagi setelah ditutup.");
            return back;
        }
        if (!unrecorded.isEmpty() && reason == null) {
            redirect.addFlashAttribute("problem", "Sesi " + unrecorded + " belum dicatat. Catat dulu, atau tuliskan alasan"
                    + " menutup gelombang tanpa catatan sesi itu.");
            return back;
        }
        if (reason != null && reason.length() > 1000) {
            redirect.addFlashAttribute("problem", "Alasan paling banyak 1000 karakter.");
            return back;
        }
        try {
            tasks.complete(task.get().id(), reason == null || unrecorded.isEmpty() ? Map.of()
                    : Map.of(BatchClosing.UNRECORDED_SESSIONS_REASON, reason), CurrentUser.get());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", page.explain(e));
            return back;
        }
        redirect.addFlashAttribute("done", "Kehadiran " + batch.getName() + " (" + programs.get(programId).getCode()
                + ") ditutup. Tugas \"" + task.get().name() + "\" selesai.");
        return "redirect:/kerja";
    }

    /** The batch's open attendance task: the domain notes it when the engine creates it. */
    private Optional<WorkflowTasks.TaskView> taskOf(long programId, long batchId) {
        return closing.taskOf(programId, batchId).flatMap(tasks::find);
    }

    private static Batch batchOf(Program program, long batchId) {
        return program.getBatches().stream().filter(b -> b.getId() == batchId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("batch " + batchId + " of programme " + program.getId()));
    }
}
