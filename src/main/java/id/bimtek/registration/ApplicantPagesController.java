package id.bimtek.registration;

import id.bimtek.shared.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicants' pages (public, Bahasa Indonesia first): the open programmes, the registration form,
 * and the answer on the spot. Registering goes through {@link RegistrationService#register}, the same
 * rules as the JSON API; the answer is shown after a redirect, so reloading it registers nobody twice.
 */
@Controller
@RequestMapping("/daftar")
public class ApplicantPagesController {

    private final OpenProgrammes openProgrammes;
    private final RegistrationService registrations;
    private final SpringValidatorAdapter validator;

    public ApplicantPagesController(OpenProgrammes openProgrammes, RegistrationService registrations, Validator validator) {
        this.openProgrammes = openProgrammes;
        this.registrations = registrations;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @GetMapping({"", "/"})
    String programmes(Model model) {
        model.addAttribute("programmes", openProgrammes.all());
        return "daftar/programmes";
    }

    @GetMapping("/{programId:\\d+}")
    String form(@PathVariable long programId, Model model, HttpServletResponse response) {
        Optional<OpenProgrammes.Programme> programme = openProgrammes.find(programId);
        if (programme.isEmpty()) {
            return notOpen(response);
        }
        ApplicantForm form = new ApplicantForm();
        // one id per form shown: sending it twice (a second tap, a retry after a lost answer) registers once
        form.setSubmission(java.util.UUID.randomUUID().toString());
        // a single choice is preselected: one tap less on a phone
        if (programme.get().tracks().size() == 1) {
            form.setSector(programme.get().tracks().get(0));
        }
        if (programme.get().batches().size() == 1) {
            form.setBatch(programme.get().batches().get(0).name());
        }
        model.addAttribute("programme", programme.get());
        model.addAttribute("form", form);
        return "daftar/form";
    }

    @PostMapping("/{programId:\\d+}")
    String register(@PathVariable long programId, @ModelAttribute("form") ApplicantForm form, BindingResult errors,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<OpenProgrammes.Programme> programme = openProgrammes.find(programId);
        if (programme.isEmpty()) {
            return notOpen(response);
        }
        model.addAttribute("programme", programme.get());
        RegistrationRequest request = form.toRequest();
        form.rejectUnreadable(errors);
        validator.validate(request, errors);
        if (errors.hasErrors()) {
            return invalid(response);
        }
        try {
            RegistrationView registration = registrations.registerOnce(programId, request, RegistrationService.APPLICANT,
                    form.getSubmission()).registration();
            redirect.addFlashAttribute("outcome", RegistrationOutcome.of(programme.get().title(), registration));
        } catch (ProblemException problem) {
            if (problem.rule() == null) {
                ApplicantMessages.reject(problem, request, errors);
                return invalid(response);
            }
            redirect.addFlashAttribute("outcome", RegistrationOutcome.refused(programme.get().title(), request.batch(),
                    problem.rule(), problem.getMessage()));
        } catch (PessimisticLockingFailureException busy) {
            // nothing was written; the applicant may simply send the form again
            errors.reject("problem.busy", "busy: nothing was saved, please send the form again");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return "daftar/form";
        }
        return "redirect:/daftar/{programId}/hasil";
    }

    /** The answer, once: without it (a reload later, a shared link) the page points to the lookup instead. */
    @GetMapping("/{programId:\\d+}/hasil")
    String outcome(@PathVariable long programId, Model model) {
        model.addAttribute("programId", programId);
        return "daftar/outcome";
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "daftar/form";
    }

    private static String notOpen(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "daftar/not-open";
    }
}
