package id.bimtek.registration;

import id.bimtek.shared.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An applicant looks up their registration with NIK and reference (POSTed, so the NIK stays out of URLs
 * and logs) and may withdraw it. Each status is shown by its own fragment of {@code daftar/status.html}.
 */
@Controller
@RequestMapping("/daftar/cek")
public class RegistrationCheckController {

    private final RegistrationLookup lookup;
    private final RegistrationService registrations;
    private final SeatOffers seatOffers;

    public RegistrationCheckController(RegistrationLookup lookup, RegistrationService registrations, SeatOffers seatOffers) {
        this.lookup = lookup;
        this.registrations = registrations;
        this.seatOffers = seatOffers;
    }

    @GetMapping
    String form(Model model) {
        if (!model.containsAttribute("check")) {
            model.addAttribute("check", new CheckForm());
        }
        return "daftar/check";
    }

    @PostMapping
    String check(@Valid @ModelAttribute("check") CheckForm check, BindingResult errors, Model model,
                 HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "daftar/check";
        }
        Optional<RegistrationLookup.Found> found = lookup.find(check.nikDigits(), check.getReference());
        if (found.isEmpty()) {
            return noMatch(errors, response);
        }
        model.addAttribute("found", found.get());
        return "daftar/check";
    }

    /** The withdrawal proves ownership the same way: the registration is found again by NIK and reference. */
    @PostMapping("/batal")
    String withdraw(@Valid @ModelAttribute("check") CheckForm check, BindingResult errors, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return act(check, errors, model, redirect, response, "withdraw.refused", "withdrawn", true,
                (registration, nik) -> registrations.withdraw(registration.programId(), registration.registrationId(),
                        nik, registration.reference()));
    }

    /** An applicant offered a freed seat accepts it. */
    @PostMapping("/terima")
    String acceptOffer(@Valid @ModelAttribute("check") CheckForm check, BindingResult errors, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        return act(check, errors, model, redirect, response, "offer.refused", "offerAnswered", "offer.accepted",
                (registration, nik) -> seatOffers.accept(registration.programId(), registration.registrationId(),
                        nik, registration.reference()));
    }

    /** An applicant offered a freed seat declines it: it goes to the next in line. */
    @PostMapping("/tolak")
    String declineOffer(@Valid @ModelAttribute("check") CheckForm check, BindingResult errors, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        return act(check, errors, model, redirect, response, "offer.refused", "offerAnswered", "offer.declined",
                (registration, nik) -> seatOffers.decline(registration.programId(), registration.registrationId(),
                        nik, registration.reference()));
    }

    /** Something an applicant does to their own registration. */
    private interface Action {
        void on(RegistrationLookup.Found registration, String nik);
    }

    /**
     * Finds the registration by NIK and reference, acts on it, and shows it again after a redirect with a
     * notice; a refusal (the state no longer allows it) is shown on the page with the registration as it is now.
     */
    private String act(CheckForm check, BindingResult errors, Model model, RedirectAttributes redirect,
                       HttpServletResponse response, String refusedMessage, String notice, Object noticeValue, Action action) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "daftar/check";
        }
        Optional<RegistrationLookup.Found> found = lookup.find(check.nikDigits(), check.getReference());
        if (found.isEmpty()) {
            return noMatch(errors, response);
        }
        try {
            action.on(found.get(), check.nikDigits());
        } catch (ProblemException | PessimisticLockingFailureException refused) {
            errors.reject(refused instanceof ProblemException ? refusedMessage : "problem.busy",
                    "nothing was changed: " + refused.getMessage());
            model.addAttribute("found", lookup.find(check.nikDigits(), check.getReference()).orElse(found.get()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "daftar/check";
        }
        redirect.addFlashAttribute(notice, noticeValue);
        redirect.addFlashAttribute("found", lookup.find(check.nikDigits(), check.getReference()).orElseThrow());
        return "redirect:/daftar/cek";
    }

    /** The same words whether the reference is unknown or the NIK does not match it. */
    private static String noMatch(BindingResult errors, HttpServletResponse response) {
        errors.reject("check.noMatch", "no registration matches this NIK and reference");
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "daftar/check";
    }
}
