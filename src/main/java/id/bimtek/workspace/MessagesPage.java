package id.bimtek.workspace;

import id.bimtek.notification.ApplicantDeliveries;
import id.bimtek.proposal.ProgramService;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.StaffPage;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What became of the messages to a programme's applicants: staff see each one's state (sent, waiting for another
 * attempt while the gateway or mail server is down, not sent and why) with the recipient masked.
 */
@Controller
class MessagesPage {

    /** The latest messages shown; the counts cover them all. */
    private static final int SHOWN = 500;

    private final ProgramService programs;
    private final RegistrationService registrations;
    private final ApplicantDeliveries deliveries;
    private final StaffPage page;

    MessagesPage(ProgramService programs, RegistrationService registrations, ApplicantDeliveries deliveries, StaffPage page) {
        this.programs = programs;
        this.registrations = registrations;
        this.deliveries = deliveries;
        this.page = page;
    }

    @GetMapping("/kerja/program/{programId}/pesan")
    String messages(@PathVariable long programId, Model model) {
        model.addAttribute("program", programs.get(programId));
        model.addAttribute("summary", deliveries.summary(programId));
        model.addAttribute("deliveries", deliveries.ofProgram(programId, SHOWN));
        model.addAttribute("names", registrations.ofProgram(programId).stream()
                .collect(Collectors.toMap(RegistrationView::id, RegistrationView::name)));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("me", page.nameOf(CurrentUser.get().id()));
        return "kerja/messages";
    }
}
