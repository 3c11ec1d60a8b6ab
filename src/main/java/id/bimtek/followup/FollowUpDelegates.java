package id.bimtek.followup;

import id.bimtek.proposal.ProcessPrograms;
import id.bimtek.shared.ActingUser;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The service tasks of the follow-up stage, and the collection of its monitoring rounds. */
@Configuration(proxyBeanMethods = false)
public class FollowUpDelegates {

    /** createFollowUpPlans: the default plan for every graduate. */
    @Bean
    JavaDelegate createFollowUpPlansDelegate(FollowUpService followUp, ProcessPrograms processPrograms) {
        return execution -> followUp.createPlans(processPrograms.idOf(execution), ActingUser.of(execution));
    }

    /** {@code ${monitoringRounds.dueDates(processPrograms.idOf(execution))}}: one timer date per round. */
    @Component("monitoringRounds")
    public static class MonitoringRounds {

        private final FollowUpService followUp;

        public MonitoringRounds(FollowUpService followUp) {
            this.followUp = followUp;
        }

        public List<String> dueDates(Long programId) {
            return followUp.roundDueDates(programId);
        }
    }
}
