package id.bimtek.instructor;

import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/instructors}: staff register instructors; office users see the register (contacts included). */
@RestController
@RequestMapping("/api/instructors")
class InstructorController {

    private static final String TEXT = "[^\\p{Cntrl}]*";

    private final InstructorService instructors;

    InstructorController(InstructorService instructors) {
        this.instructors = instructors;
    }

    record NewInstructor(
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = "must not contain control characters") String name,
            @NotBlank @Size(max = 300) @Pattern(regexp = TEXT, message = "must not contain control characters") String expertise,
            @Size(max = 300) @Pattern(regexp = TEXT, message = "must not contain control characters") String agency,
            @Pattern(regexp = "\\+?\\d{8,15}", message = "must be a phone number of 8 to 15 digits") String phone,
            @Email @Size(max = 200) String email) {
    }

    record InstructorView(long id, String name, String expertise, String agency, String phone, String email) {

        static InstructorView of(Instructor instructor) {
            return new InstructorView(instructor.getId(), instructor.getName(), instructor.getExpertise(),
                    instructor.getAgency(), instructor.getPhone(), instructor.getEmail());
        }
    }

    @PostMapping
    ResponseEntity<InstructorView> register(@Valid @RequestBody NewInstructor request) {
        Instructor instructor = instructors.register(request.name(), request.expertise(), request.agency(), request.phone(),
                request.email(), CurrentUser.get().id());
        return ResponseEntity.created(URI.create("/api/instructors/" + instructor.getId())).body(InstructorView.of(instructor));
    }

    @GetMapping
    List<InstructorView> all() {
        return instructors.all().stream().map(InstructorView::of).toList();
    }

    @GetMapping("/{id}")
    InstructorView one(@PathVariable long id) {
        return instructors.find(id).map(InstructorView::of).orElseThrow(() -> ProblemException.notFound("instructor " + id));
    }
}
