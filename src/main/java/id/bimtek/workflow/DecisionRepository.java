package id.bimtek.workflow;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionRepository extends JpaRepository<Decision, Long> {

    List<Decision> findByProgramIdOrderByIdAsc(Long programId);
}
