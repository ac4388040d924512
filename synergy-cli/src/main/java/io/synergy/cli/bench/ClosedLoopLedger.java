package io.synergy.cli.bench;

import io.synergy.cli.demo.AppStats;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bookkeeping of closed-loop load whose requests and answers travel separately (over Kafka): at most
 * {@code perApp} requests of each app outstanding, which ones and since when, and how each ended —
 * completed (with its latency), failed, or given up after a patience without an answer. An answer for a
 * request that is not outstanding (another client's, a repeat, or one already given up) changes nothing.
 * Thread-safe: senders, the answer reader and the sweeper share it.
 */
public final class ClosedLoopLedger {

    private record Outstanding(String appId, long sentNanos) {
    }

    private final int perApp;
    private final Map<String, Semaphore> room = new LinkedHashMap<>();
    private final Map<String, AppStats> stats = new LinkedHashMap<>();
    private final Map<String, AtomicLong> unanswered = new LinkedHashMap<>();
    private final Map<String, Outstanding> outstanding = new ConcurrentHashMap<>();

    public ClosedLoopLedger(List<String> appIds, int perApp) {
        if (perApp < 1) {
            throw new IllegalArgumentException("perApp: must be >= 1, got " + perApp);
        }
        this.perApp = perApp;
        for (String app : appIds) {
            room.put(app, new Semaphore(perApp));
            stats.put(app, new AppStats());
            unanswered.put(app, new AtomicLong());
        }
    }

    public int perApp() {
        return perApp;
    }

    /**
     * Waits at most {@code patience} until {@code appId} may have one more request outstanding; true
     * when it may (the caller then sends one and calls {@link #sent}, or {@link #notSent} if it cannot).
     */
    public boolean awaitRoom(String appId, Duration patience) throws InterruptedException {
        return semaphore(appId).tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A request took the room {@link #awaitRoom} gave and is on its way. */
    public void sent(String requestId, String appId, long nowNanos) {
        semaphore(appId);
        if (outstanding.putIfAbsent(requestId, new Outstanding(appId, nowNanos)) != null) {
            throw new IllegalArgumentException("requestId: " + requestId + " is already outstanding");
        }
    }

    /** A request could not be sent: it counts as failed and frees its room. */
    public void notSent(String requestId) {
        Outstanding gone = outstanding.remove(requestId);
        if (gone != null) {
            stats.get(gone.appId()).failed();
            room.get(gone.appId()).release();
        }
    }

    /**
     * The one outcome of a request arrived; true when it was outstanding here (and is now counted, its
     * room freed).
     */
    public boolean answered(String requestId, boolean completed, long nowNanos) {
        Outstanding done = outstanding.remove(requestId);
        if (done == null) {
            return false;
        }
        if (completed) {
            stats.get(done.appId()).completed(nowNanos - done.sentNanos());
        } else {
            stats.get(done.appId()).failed();
        }
        room.get(done.appId()).release();
        return true;
    }

    /**
     * Gives up the requests outstanding for longer than {@code patience}: each counts as unanswered and
     * frees its room, so a lost answer cannot stall an app's loop. Returns how many were given up.
     */
    public int giveUpOlderThan(Duration patience, long nowNanos) {
        int given = 0;
        for (Map.Entry<String, Outstanding> entry : outstanding.entrySet()) {
            Outstanding request = entry.getValue();
            if (nowNanos - request.sentNanos() > patience.toNanos() && outstanding.remove(entry.getKey(), request)) {
                unanswered.get(request.appId()).incrementAndGet();
                room.get(request.appId()).release();
                given++;
            }
        }
        return given;
    }

    /** Requests sent and not yet answered, failed or given up, over all apps. */
    public int outstanding() {
        return outstanding.size();
    }

    /** Per app: completions (with latencies) and failures. */
    public Map<String, AppStats> stats() {
        return Collections.unmodifiableMap(stats);
    }

    /** Per app: requests given up without an answer. */
    public long unanswered(String appId) {
        AtomicLong count = unanswered.get(appId);
        return count == null ? 0 : count.get();
    }

    private Semaphore semaphore(String appId) {
        Semaphore semaphore = room.get(appId);
        if (semaphore == null) {
            throw new IllegalArgumentException("appId: " + appId + " is not one of " + room.keySet());
        }
        return semaphore;
    }
}
