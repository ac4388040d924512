package io.synergy.core.simulation;

import io.synergy.core.planning.LoadContribution;
import io.synergy.core.planning.LoadLedger;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.SegmentCost;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One execution of a {@link PipelineSimulator}: all mutable state of a run, used once. */
final class SimulationRun {

    private static final class Request {
        final int app;
        final long n;
        final long releasedNanos;
        int stage;
        int location;

        Request(int app, long n, long releasedNanos, int location) {
            this.app = app;
            this.n = n;
            this.releasedNanos = releasedNanos;
            this.location = location;
        }
    }

    /** A message between two devices, sent in chunks; the per-message latency goes with the first chunk. */
    private static final class Transfer {
        final long id;
        final Request request;
        final int from;
        final int to;
        final long bytes;
        final boolean toTarget;
        long sentBytes;

        Transfer(long id, Request request, int from, int to, long bytes, boolean toTarget) {
            this.id = id;
            this.request = request;
            this.from = from;
            this.to = to;
            this.bytes = bytes;
            this.toTarget = toTarget;
        }
    }

    private final PlanningProblem problem;
    private final Placement[] placements;
    private final SimulationConfig config;
    private final VirtualClock clock = new VirtualClock();
    private final EventQueue events;
    private final SplittableRandom random;
    private final boolean[] reloads;
    private final List<ArrayDeque<Request>> computeQueues = new ArrayList<>();
    private final Request[] running;
    private final long[] lastSegment;
    private final boolean[] linkBusy;
    private final List<Transfer> waitingTransfers = new ArrayList<>();
    private final Map<Long, Transfer> activeTransfers = new HashMap<>();
    private final long[] issued;
    private final long[] completedInWindow;
    private final double[] latencyInWindowNanos;
    private final List<TraceEntry> trace = new ArrayList<>();
    private final long warmupCompletions;
    private final long stopCompletions;
    private long completions;
    /** Virtual time the measured window opened: when the last warm-up request completed (0 without warm-up). */
    private long windowStartNanos;
    private long transferSerial;

    SimulationRun(PlanningProblem problem, Placement[] placements, SimulationConfig config) {
        this.problem = problem;
        this.placements = placements.clone();
        this.config = config;
        int n = problem.deviceCount();
        this.events = new EventQueue(config.inFlight() + 2 * n + 16);
        this.random = new SplittableRandom(config.seed());
        LoadLedger ledger = new LoadLedger(problem);
        int placed = 0;
        for (Placement p : placements) {
            if (p != null) {
                ledger.add(LoadContribution.of(problem, p));
                placed++;
            }
        }
        reloads = new boolean[n];
        running = new Request[n];
        lastSegment = new long[n];
        linkBusy = new boolean[n];
        for (int d = 0; d < n; d++) {
            reloads[d] = !ledger.residentsFit(d);
            lastSegment[d] = -1;
            computeQueues.add(new ArrayDeque<>(config.inFlight()));
        }
        issued = new long[placements.length];
        completedInWindow = new long[placements.length];
        latencyInWindowNanos = new double[placements.length];
        warmupCompletions = (long) config.warmupRounds() * placed;
        stopCompletions = warmupCompletions + (long) config.measuredRounds() * placed;
    }

    SimulationResult execute() {
        boolean any = false;
        for (Placement p : placements) {
            any |= p != null;
        }
        if (!any) {
            return new SimulationResult(0, Map.of(), Map.of(), 0, List.of());
        }
        for (int i = 0; i < config.inFlight(); i++) {
            events.schedule(0, new SimEvent.RequestReleased(-1));
        }
        while (!events.isEmpty() && completions < stopCompletions) {
            EventQueue.Scheduled next = events.next();
            clock.advanceTo(next.timeNanos());
            SimEvent e = next.event();
            if (e instanceof SimEvent.StageCompleted s) {
                stageCompleted(s.device());
            } else if (e instanceof SimEvent.TransferCompleted t) {
                transferCompleted(t.transfer());
            } else if (e instanceof SimEvent.RequestReleased) {
                release();
            }
        }
        return result();
    }

    /** Releases the next input of the app furthest behind its weighted share. */
    private void release() {
        int app = -1;
        double behind = Double.POSITIVE_INFINITY;
        for (int a = 0; a < placements.length; a++) {
            if (placements[a] == null) {
                continue;
            }
            double share = (issued[a] + 1) / problem.weight(a);
            if (share < behind) {
                behind = share;
                app = a;
            }
        }
        Request r = new Request(app, issued[app]++, clock.nanos(), placements[app].source());
        log("released", r, -1);
        advance(r);
    }

    /** Sends a request on to its next stage, or its result to the target. */
    private void advance(Request r) {
        Placement p = placements[r.app];
        if (r.stage < p.segmentCount()) {
            int[] replicas = p.replicas(r.stage);
            int device = replicas[(int) (r.n % replicas.length)];
            long bytes = problem.boundaryBytes(r.app, p.from(r.stage));
            if (r.location != device && bytes > 0) {
                queueTransfer(r, device, bytes, false);
            } else {
                queueStage(device, r);
            }
        } else {
            long bytes = problem.boundaryBytes(r.app, problem.layers(r.app));
            if (r.location != p.target() && bytes > 0) {
                queueTransfer(r, p.target(), bytes, true);
            } else {
                complete(r);
            }
        }
    }

    private void queueStage(int device, Request r) {
        computeQueues.get(device).add(r);
        if (running[device] == null) {
            startStage(device);
        }
    }

    private void startStage(int device) {
        Request r = computeQueues.get(device).poll();
        if (r == null) {
            return;
        }
        running[device] = r;
        Placement p = placements[r.app];
        SegmentCost cost = problem.table(r.app, device).cost(p.from(r.stage), p.to(r.stage));
        long segment = ((long) r.app << 32) | r.stage;
        double micros = cost.roundMicros();
        if (reloads[device] && lastSegment[device] != segment) {
            micros += cost.weightLoadMicros();
        }
        lastSegment[device] = segment;
        log("stage-start", r, device);
        events.schedule(clock.nanos() + duration(micros), new SimEvent.StageCompleted(device));
    }

    private void stageCompleted(int device) {
        Request r = running[device];
        running[device] = null;
        log("stage-end", r, device);
        r.location = device;
        r.stage++;
        startStage(device);
        advance(r);
    }

    private void queueTransfer(Request r, int to, long bytes, boolean toTarget) {
        waitingTransfers.add(new Transfer(transferSerial++, r, r.location, to, bytes, toTarget));
        startTransfers();
    }

    /**
     * Starts transfers while some waiting transfer has both its links free, each time the one whose two
     * links have the most transfers waiting (the earliest among equals): a greedy max-weight schedule,
     * which keeps the most backlogged links busy. Transfers are sent in chunks; a transfer whose chunk
     * is done waits again, so transfers sharing a link interleave chunk by chunk.
     */
    private void startTransfers() {
        while (true) {
            int[] waiting = new int[linkBusy.length];
            for (Transfer t : waitingTransfers) {
                waiting[t.from]++;
                waiting[t.to]++;
            }
            Transfer best = null;
            int bestWeight = -1;
            for (Transfer t : waitingTransfers) {
                if (!linkBusy[t.from] && !linkBusy[t.to] && waiting[t.from] + waiting[t.to] > bestWeight) {
                    best = t;
                    bestWeight = waiting[t.from] + waiting[t.to];
                }
            }
            if (best == null) {
                return;
            }
            waitingTransfers.remove(best);
            start(best);
        }
    }

    private void start(Transfer t) {
        linkBusy[t.from] = true;
        linkBusy[t.to] = true;
        activeTransfers.put(t.id, t);
        long chunk = Math.min(config.chunkBytes(), t.bytes - t.sentBytes);
        double micros;
        if (t.sentBytes == 0) {
            log("transfer-start", t.request, t.to);
            micros = problem.transferMicros(t.from, t.to, chunk);
        } else {
            micros = problem.transferMicros(t.from, t.to, t.sentBytes + chunk)
                    - problem.transferMicros(t.from, t.to, t.sentBytes);
        }
        t.sentBytes += chunk;
        events.schedule(clock.nanos() + duration(micros), new SimEvent.TransferCompleted(t.id));
    }

    private void transferCompleted(long id) {
        Transfer t = activeTransfers.remove(id);
        linkBusy[t.from] = false;
        linkBusy[t.to] = false;
        if (t.sentBytes < t.bytes) {
            waitingTransfers.add(t);
            startTransfers();
            return;
        }
        Request r = t.request;
        r.location = t.to;
        log("transfer-end", r, t.to);
        if (t.toTarget) {
            complete(r);
        } else {
            queueStage(t.to, r);
        }
        startTransfers();
    }

    private void complete(Request r) {
        completions++;
        log("completed", r, r.location);
        if (completions == warmupCompletions) {
            windowStartNanos = clock.nanos();
        } else if (completions > warmupCompletions) {
            completedInWindow[r.app]++;
            latencyInWindowNanos[r.app] += clock.nanos() - r.releasedNanos;
        }
        events.schedule(clock.nanos(), new SimEvent.RequestReleased(r.app));
    }

    private long duration(double micros) {
        double factor = config.jitter() == 0 ? 1 : 1 + config.jitter() * (2 * random.nextDouble() - 1);
        return Math.round(micros * factor * 1000.0);
    }

    private void log(String what, Request r, int device) {
        if (trace.size() < config.traceLimit()) {
            trace.add(new TraceEntry(clock.nanos(), what, problem.app(r.app).id(), r.n, r.stage, device));
        }
    }

    private SimulationResult result() {
        double seconds = (clock.nanos() - windowStartNanos) / 1e9;
        double weights = 0;
        long count = 0;
        Map<String, Double> throughput = new LinkedHashMap<>();
        Map<String, Double> latency = new LinkedHashMap<>();
        for (int a = 0; a < placements.length; a++) {
            if (placements[a] == null) {
                continue;
            }
            weights += problem.weight(a);
            count += completedInWindow[a];
            String id = problem.app(a).id();
            throughput.put(id, seconds > 0 ? completedInWindow[a] / seconds : 0);
            latency.put(id, completedInWindow[a] == 0 ? 0 : latencyInWindowNanos[a] / completedInWindow[a] / 1e6);
        }
        double rate = seconds > 0 ? count / weights / seconds : 0;
        return new SimulationResult(rate, throughput, latency, seconds * 1e6, trace);
    }
}
