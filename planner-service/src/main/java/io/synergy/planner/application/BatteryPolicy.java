package io.synergy.planner.application;

/**
 * Plans around a device before its battery dies. A device whose charge falls below
 * {@code lowPercent} is left out of the virtual computing space (the next plan moves its segments
 * elsewhere while it still runs the old ones); it comes back only once its charge is at least
 * {@code resumePercent}, so a battery that wobbles around the threshold does not make the plan flap.
 *
 * @param lowPercent    below this charge a device is planned around, 0..100 (0 turns the policy off)
 * @param resumePercent at or above this charge a planned-around device is planned with again, lowPercent..100
 */
public record BatteryPolicy(double lowPercent, double resumePercent) {

    public BatteryPolicy {
        if (!(lowPercent >= 0 && lowPercent <= 100)) {
            throw new IllegalArgumentException("battery-low-percent: must be in 0..100, got " + lowPercent);
        }
        if (!(resumePercent >= lowPercent && resumePercent <= 100)) {
            throw new IllegalArgumentException("battery-resume-percent: must be in battery-low-percent ("
                    + lowPercent + ")..100, got " + resumePercent);
        }
    }

    /**
     * @param plannedAround whether the device is planned around now
     * @return whether it is planned around after a report of {@code batteryPercent}
     */
    public boolean plansAround(boolean plannedAround, double batteryPercent) {
        return plannedAround ? batteryPercent < resumePercent : batteryPercent < lowPercent;
    }
}
