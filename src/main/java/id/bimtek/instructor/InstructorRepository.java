package id.bimtek.instructor;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InstructorRepository extends JpaRepository<Instructor, Long> {

    List<Instructor> findAllByOrderByNameAsc();
}
