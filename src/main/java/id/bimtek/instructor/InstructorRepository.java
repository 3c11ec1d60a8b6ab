package id.bimtek.instructor;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InstructorRepository extends JpaRepository<Instructor, Long> {

    @Query("select i from Instructor i order by i.name")
    List<Instructor> findAllByOrderByNameAsc();
}
