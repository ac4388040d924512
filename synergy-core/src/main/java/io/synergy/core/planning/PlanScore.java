package io.synergy.core.planning;

/**
 * How good a set of placements is, for comparing candidates: first more apps placed, then a lower
 * busiest-resource time per round, then (between equal maxima) better balanced loads.
 *
 * @param placed         apps placed
 * @param maxLoadMicros  the busiest resource's microseconds per round
 * @param squaredLoad    sum of squared loads
 */
public record PlanScore(int placed, double maxLoadMicros, double squaredLoad) {

    /** Relative difference below which two maxima count as equal. */
    public static final double TIE = 1e-9;

    public static PlanScore of(LoadLedger ledger, int placed) {
        return new PlanScore(placed, ledger.maxLoadMicros(), ledger.squaredLoad());
    }

    public boolean betterThan(PlanScore other) {
        if (placed != other.placed) {
            return placed > other.placed;
        }
        if (maxLoadMicros < other.maxLoadMicros * (1 - TIE)) {
            return true;
        }
        if (maxLoadMicros > other.maxLoadMicros * (1 + TIE)) {
            return false;
        }
        return squaredLoad < other.squaredLoad * (1 - TIE);
    }
}
