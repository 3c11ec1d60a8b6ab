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
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "daftar/check";
        }
        Optional<RegistrationLookup.Found> found = lookup.find(check.nikDigits(), check.getReference());
        if (found.isEmpty()) {
            return noMatch(errors, response);
        }
        try {
            registrations.withdraw(found.get().programId(), found.get().registrationId(), check.nikDigits(),
                    found.get().reference());
        } catch (ProblemException | PessimisticLockingFailureException refused) {
            errors.reject(refused instanceof ProblemException ? "withdraw.refused" : "problem.busy",
                    "the registration was not withdrawn: " + refused.getMessage());
            model.addAttribute("found", found.get());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "daftar/check";
        }
        redirect.addFlashAttribute("withdrawn", true);
        redirect.addFlashAttribute("found", lookup.find(check.nikDigits(), check.getReference()).orElseThrow());
        return "redirect:/daftar/cek";
    }

    /** An applicant offered a freed seat accepts it. */
    @PostMapping("/terima")
    String acceptOffer(@Valid @ModelAttribute("check") CheckForm check, BindingResult errors, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        return answerOffer(check, errors, model, redirect, response, true);
    }

    /** An applicant offered a freed seat declines it: it goes to the next in line. */
    @PostMapping("/tolak")
    String declineOffer(@Valid @ModelAttribute("check") CheckForm check, BindingResult errors, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        return answerOffer(check, errors, model, redirect, response, false);
    }

    private String answerOffer(CheckForm check, BindingResult errors, Model model, RedirectAttributes redirect,
                               HttpServletResponse response, boolean accept) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "daftar/check";
        }
        Optional<RegistrationLookup.Found> found = lookup.find(check.nikDigits(), check.getReference());
        if (found.isEmpty()) {
            return noMatch(errors, response);
        }
        RegistrationLookup.Found registration = found.get();
        try {
            if (accept) {
                seatOffers.accept(registration.programId(), registration.registrationId(), check.nikDigits(),
                        registration.reference());
            } else {
                seatOffers.decline(registration.programId(), registration.registrationId(), check.nikDigits(),
                        registration.reference());
            }
        } catch (ProblemException | PessimisticLockingFailureException refused) {
            errors.reject(refused instanceof ProblemException ? "offer.refused" : "problem.busy",
                    "the offer was not answered: " + refused.getMessage());
            model.addAttribute("found", lookup.find(check.nikDigits(), check.getReference()).orElse(registration));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "daftar/check";
        }
        redirect.addFlashAttribute("offerAnswered", accept ? "offer.accepted" : "offer.declined");
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
