package id.bimtek.instructor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of instructors and resource persons that proposals assign to sessions. */
@Service
public class InstructorService {

    private final InstructorRepository instructors;

    InstructorService(InstructorRepository instructors) {
        this.instructors = instructors;
    }

    @Transactional
    public Instructor register(String name, String expertise, String agency, String phone, String email, String user) {
        return instructors.saveAndFlush(new Instructor(name.strip(), expertise.strip(), blankToNull(agency),
                blankToNull(phone), blankToNull(email), user));
    }

    @Transactional(readOnly = true)
    public List<Instructor> all() {
        return instructors.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Optional<Instructor> find(long id) {
        return instructors.findById(id);
    }

    /** The instructors of these ids that exist, by id. */
    @Transactional(readOnly = true)
    public Map<Long, Instructor> byIds(Collection<Long> ids) {
        return instructors.findAllById(ids).stream().collect(Collectors.toMap(Instructor::getId, Function.identity()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
