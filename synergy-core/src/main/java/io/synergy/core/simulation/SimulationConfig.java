package io.synergy.core.simulation;

/**
 * How a simulation runs.
 *
 * @param inFlight          requests in flight at once over all apps (the closed-loop window); new
 *                          inputs are released as results complete, each to the app furthest behind
 *                          its weighted share
 * @param warmupRounds      rounds completed before measuring (a round is one request of each weight-1
 *                          app)
 * @param measuredRounds    rounds measured
 * @param jitter            service times are scaled by a uniform factor in [1 - jitter, 1 + jitter]
 * @param seed              seed of the jitter
 * @param traceLimit        most events kept in the trace (0: none)
 * @param chunkBytes        transfers are sent in chunks of this many bytes, interleaved with other
 *                          transfers on the same links (a radio's packets / connection events)
 */
public record SimulationConfig(int inFlight, int warmupRounds, int measuredRounds, double jitter, long seed,
                               int traceLimit, int chunkBytes) {

    public SimulationConfig {
        if (inFlight < 1) {
            throw new IllegalArgumentException("simulation: inFlight must be >= 1, got " + inFlight);
        }
        if (warmupRounds < 0 || measuredRounds < 1) {
            throw new IllegalArgumentException("simulation: warmupRounds must be >= 0 and measuredRounds >= 1, got "
                    + warmupRounds + " and " + measuredRounds);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("simulation: jitter must be in [0, 1), got " + jitter);
        }
        if (traceLimit < 0) {
            throw new IllegalArgumentException("simulation: traceLimit must be >= 0, got " + traceLimit);
        }
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("simulation: chunkBytes must be >= 1, got " + chunkBytes);
        }
    }

    public SimulationConfig(int inFlight, int warmupRounds, int measuredRounds, double jitter, long seed,
                            int traceLimit) {
        this(inFlight, warmupRounds, measuredRounds, jitter, seed, traceLimit, DEFAULT_CHUNK_BYTES);
    }

    /**
     * Whole messages: each transfer holds both links from start to end. Smaller chunks interleave
     * transfers on shared links (closer to a radio's packet scheduling) at the price of more coupling
     * between links, which the greedy schedule loses a few per cent to.
     */
    public static final int DEFAULT_CHUNK_BYTES = Integer.MAX_VALUE;

    /** 64 requests in flight, 200 warm-up and 2,000 measured rounds, no jitter, no trace, whole messages. */
    public static SimulationConfig saturated() {
        return new SimulationConfig(64, 200, 2_000, 0, 1, 0, DEFAULT_CHUNK_BYTES);
    }

    public SimulationConfig withJitter(double newJitter, long newSeed) {
        return new SimulationConfig(inFlight, warmupRounds, measuredRounds, newJitter, newSeed, traceLimit, chunkBytes);
    }

    public SimulationConfig withTrace(int limit) {
        return new SimulationConfig(inFlight, warmupRounds, measuredRounds, jitter, seed, limit, chunkBytes);
    }

    public SimulationConfig withInFlight(int requests) {
        return new SimulationConfig(requests, warmupRounds, measuredRounds, jitter, seed, traceLimit, chunkBytes);
    }

    public SimulationConfig withRounds(int warmup, int measured) {
        return new SimulationConfig(inFlight, warmup, measured, jitter, seed, traceLimit, chunkBytes);
    }

    public SimulationConfig withChunkBytes(int bytes) {
        return new SimulationConfig(inFlight, warmupRounds, measuredRounds, jitter, seed, traceLimit, bytes);
    }
}
