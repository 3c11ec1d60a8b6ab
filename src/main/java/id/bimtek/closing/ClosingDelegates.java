package id.bimtek.closing;

import id.bimtek.proposal.ProcessPrograms;
import id.bimtek.shared.ActingUser;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the closing stage. */
@Configuration(proxyBeanMethods = false)
public class ClosingDelegates {

    /** assessCompletion: completion from attendance, and certificate numbers for graduates. */
    @Bean
    JavaDelegate assessCompletionDelegate(ClosingService closing, ProcessPrograms processPrograms) {
        return execution -> closing.assessCompletion(processPrograms.idOf(execution));
    }

    /** settleBudget: realise the approved report's total and release the unspent commitment. */
    @Bean
    JavaDelegate settleBudgetDelegate(ClosingService closing, ProcessPrograms processPrograms) {
        return execution -> closing.settle(processPrograms.idOf(execution), ActingUser.of(execution));
    }
}
