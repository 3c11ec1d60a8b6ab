package id.bimtek.proposal;

/** How a programme's seats are given out. */
public enum AllocationMode {
    /** in order of registration; beyond the quota, a waitlist */
    FIRST_COME,
    /** applications collected until the deadline, ranked (bpmn/registration-ranking.dmn), reviewed by staff */
    SELECTION
}
