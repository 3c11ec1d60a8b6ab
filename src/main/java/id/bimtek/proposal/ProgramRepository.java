package id.bimtek.proposal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import jakarta.persistence.QueryHint;

/**
 * The programmes' table. Queries are written out in JPQL: Hibernate keeps the plan of a query given as text, while a
 * query derived from a method's name reaches it as a criteria tree and is translated again on every call.
 */
public interface ProgramRepository extends JpaRepository<Program, Long> {

    @Query("select p from Program p where p.code = :code")
    Optional<Program> findByCode(String code);

    @Query("select p from Program p where p.code in :codes")
    List<Program> findByCodeIn(Collection<String> codes);

    @Query("select p from Program p order by p.id desc")
    List<Program> findAllByOrderByIdDesc();

    @Query("select p from Program p where p.status = :status order by p.id desc")
    List<Program> findByStatusOrderByIdDesc(ProgramStatus status);

    /** A programme's id by its code, without flushing pending changes first (the engine's listeners ask mid-command). */
    @QueryHints(@QueryHint(name = "org.hibernate.flushMode", value = "COMMIT"))
    @Query("select p.id from Program p where p.code = :code")
    Optional<Long> findIdByCode(String code);

    /** A programme's id by its process instance, without flushing pending changes first. */
    @QueryHints(@QueryHint(name = "org.hibernate.flushMode", value = "COMMIT"))
    @Query("select p.id from Program p where p.processInstanceId = :processInstanceId")
    Optional<Long> findIdByProcessInstanceId(String processInstanceId);

    /** Serialises the state changes of one programme (e.g. closing registration against a late applicant). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "10000"))
    @Query("select p from Program p where p.id = :id")
    Optional<Program> lockById(Long id);
}
