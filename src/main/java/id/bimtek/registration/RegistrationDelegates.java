package id.bimtek.registration;

import static id.bimtek.proposal.ProcessVariables.ENOUGH_REGISTRANTS;
import static id.bimtek.proposal.ProcessVariables.REGISTRATION_DEADLINE;

import id.bimtek.proposal.ProcessPrograms;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.proposal.ProgramStatusTracker;
import id.bimtek.shared.ActingUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the registration stage. */
@Configuration(proxyBeanMethods = false)
public class RegistrationDelegates {

    /** openRegistration: hands the deadline to the process's timer. */
    @Bean
    JavaDelegate openRegistrationDelegate(ProgramRepository programs, ProcessPrograms processPrograms) {
        return execution -> {
            Program program = programs.findById(processPrograms.idOf(execution)).orElseThrow();
            execution.setVariable(REGISTRATION_DEADLINE, isoInstant(program.getRegistrationDeadline()));
        };
    }

    /** extendRegistration: the department head's new deadline becomes the programme's. */
    @Bean
    JavaDelegate extendRegistrationDelegate(ProgramRepository programs, ProcessPrograms processPrograms) {
        return execution -> programs.findById(processPrograms.idOf(execution)).orElseThrow()
                .extendRegistration(Instant.parse((String) execution.getVariable(REGISTRATION_DEADLINE)));
    }

    /**
     * closeRegistration: locks every batch of the programme (as each registration locks its own), then
     * changes the status and counts: no applicant can slip in between the count and the status change.
     */
    @Bean
    JavaDelegate closeRegistrationDelegate(ProgramRepository programs, ProgramStatusTracker statuses,
                                           RegistrationService registrations, ProcessPrograms processPrograms) {
        return execution -> {
            // the lock order of AuditTrail.holdChain: chain head and batches first, the programme row when it changes
            registrations.lockBatches(processPrograms.idOf(execution));
            Program program = programs.findById(processPrograms.idOf(execution)).orElseThrow();
            statuses.change(program, ProgramStatus.REGISTRATION_CLOSED, ActingUser.of(execution));
            programs.flush();
            execution.setVariable(ENOUGH_REGISTRANTS,
                    registrations.countRegistrants(program.getId()) >= program.getMinimumParticipants());
        };
    }

    /** rankApplications: programmes allocated by selection rank their applications for staff to review. */
    @Bean
    JavaDelegate rankApplicationsDelegate(ApplicantRanking ranking, ProcessPrograms processPrograms) {
        return execution -> ranking.rank(processPrograms.idOf(execution), ActingUser.of(execution));
    }

    /** confirmParticipantList: seat holders become participants; the rest of the waitlist is told no. */
    @Bean
    JavaDelegate confirmParticipantListDelegate(RegistrationService registrations, ProcessPrograms processPrograms) {
        return execution -> registrations.confirmParticipants(processPrograms.idOf(execution), ActingUser.of(execution));
    }

    static String isoInstant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

}
