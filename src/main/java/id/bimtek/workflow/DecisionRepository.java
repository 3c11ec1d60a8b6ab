package id.bimtek.workflow;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Decisions in JPQL, not derived from the method's name: Hibernate keeps a written query's plan (see ProgramRepository). */
interface DecisionRepository extends JpaRepository<Decision, Long> {

    @Query("select d from Decision d where d.programId = :programId order by d.id")
    List<Decision> findByProgramIdOrderByIdAsc(Long programId);
}
