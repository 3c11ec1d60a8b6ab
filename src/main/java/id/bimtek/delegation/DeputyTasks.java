package id.bimtek.delegation;

import java.util.List;

/**
 * The open tasks a deputy is offered as a candidate, so Tasklist shows them to the deputy too. The gate
 * ({@code workflow.DeputyTasksOfTheEngine}) answers, so that this package needs nothing of the engine.
 */
public interface DeputyTasks {

    /** Offers the deputy the principal's open tasks: those the principal holds and those offered to their head groups. */
    void offer(String principal, List<String> headGroups, String deputy);

    /** Withdraws every open task offered to the deputy as a candidate. */
    void withdraw(String deputy);
}
