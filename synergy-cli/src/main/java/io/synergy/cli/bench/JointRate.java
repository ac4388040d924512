package io.synergy.cli.bench;

import java.util.Map;

/**
 * The planner's objective is the rate at which all apps run together, weighted by their wanted rates;
 * each plan's estimate carries that joint rate times its app's weight. Closed-loop clients let each
 * app run at its own pipeline's pace, so the measured joint rate is the slowest app's
 * measured rate / weight, and the planned one is the least estimate / weight.
 */
public final class JointRate {

    private JointRate() {
    }

    /** min over apps of rate / weight; an app without a weight weighs 1. NaN when there are no apps. */
    public static double of(Map<String, Double> ratePerApp, Map<String, Double> weightPerApp) {
        double joint = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Double> entry : ratePerApp.entrySet()) {
            double weight = weightPerApp.getOrDefault(entry.getKey(), 1.0);
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weight of app " + entry.getKey() + ": must be > 0, got " + weight);
            }
            joint = Math.min(joint, entry.getValue() / weight);
        }
        return ratePerApp.isEmpty() ? Double.NaN : joint;
    }
}
