package io.synergy.core.planning;

/**
 * How busy a resource is when the plan set runs at its estimated rate.
 *
 * @param microsPerRound busy microseconds per round (one inference of weight 1 of every app)
 * @param utilization    share of the resource's time in use at the estimated rate, in [0, 1]
 */
public record ResourceLoad(Resource resource, double microsPerRound, double utilization) {
}
