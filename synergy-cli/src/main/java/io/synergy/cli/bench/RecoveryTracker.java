package io.synergy.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long each injected device loss keeps the apps it hits from being served: for every app whose
 * plan used the device at the loss, the time from the loss to the first completion of a request of
 * that app sent at or after the loss (an earlier request that completes later may have been served
 * before the loss took effect, so it does not count). Times are {@code System.nanoTime()} values.
 * Thread-safe.
 */
public final class RecoveryTracker {

    /** One app's recovery from one loss; {@code millis} is NaN while (or if never) recovered. */
    public record Recovery(int event, String appId, double millis) {
    }

    private final List<Recovery> recovered = new ArrayList<>();
    /** event -> app -> loss time, for the losses whose apps have not completed a request yet. */
    private final Map<Integer, Map<String, Long>> pending = new LinkedHashMap<>();

    /** A loss, event number {@code event}, at {@code atNanos}, affecting the apps whose plan used the device. */
    public synchronized void lost(int event, Set<String> affectedApps, long atNanos) {
        Map<String, Long> apps = new LinkedHashMap<>();
        affectedApps.forEach(app -> apps.put(app, atNanos));
        if (!apps.isEmpty()) {
            pending.put(event, apps);
        }
    }

    /** A completion of the app's request sent at {@code sentNanos}, answered at {@code completedNanos}. */
    public synchronized void completed(String appId, long sentNanos, long completedNanos) {
        var events = pending.entrySet().iterator();
        while (events.hasNext()) {
            var event = events.next();
            Long lossAt = event.getValue().get(appId);
            if (lossAt != null && sentNanos >= lossAt) {
                recovered.add(new Recovery(event.getKey(), appId, (completedNanos - lossAt) / 1e6));
                event.getValue().remove(appId);
                if (event.getValue().isEmpty()) {
                    events.remove();
                }
            }
        }
    }

    /** Every recovery so far, plus one with NaN millis per app not yet recovered. */
    public synchronized List<Recovery> recoveries() {
        List<Recovery> all = new ArrayList<>(recovered);
        pending.forEach((event, apps) -> apps.keySet().forEach(app -> all.add(new Recovery(event, app, Double.NaN))));
        return all;
    }

    /** The recovered times' median (nearest rank) and maximum in ms, and how many never recovered. */
    public synchronized RecoverySummary summary() {
        double[] millis = recovered.stream().mapToDouble(Recovery::millis).sorted().toArray();
        int unrecovered = pending.values().stream().mapToInt(Map::size).sum();
        if (millis.length == 0) {
            return new RecoverySummary(0, Double.NaN, Double.NaN, unrecovered);
        }
        int median = (int) Math.max(0, Math.ceil(0.5 * millis.length) - 1);
        return new RecoverySummary(millis.length, millis[median], Arrays.stream(millis).max().orElseThrow(),
                unrecovered);
    }

    /** {@code recoveryMillis} of the soak report. */
    public record RecoverySummary(int samples, double p50, double max, int unrecovered) {
    }
}
