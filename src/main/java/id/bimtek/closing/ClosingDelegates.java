package id.bimtek.closing;

import static id.bimtek.proposal.ProcessVariables.PROGRAM_ID;

import id.bimtek.shared.ActingUser;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the closing stage. */
@Configuration(proxyBeanMethods = false)
public class ClosingDelegates {

    /** assessCompletion: completion from attendance, and certificate numbers for graduates. */
    @Bean
    JavaDelegate assessCompletionDelegate(ClosingService closing) {
        return execution -> closing.assessCompletion((Long) execution.getVariable(PROGRAM_ID));
    }

    /** settleBudget: realise the approved report's total and release the unspent commitment. */
    @Bean
    JavaDelegate settleBudgetDelegate(ClosingService closing) {
        return execution -> closing.settle((Long) execution.getVariable(PROGRAM_ID), ActingUser.of(execution));
    }
}
