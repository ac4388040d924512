package io.synergy.core.network.ai8x;

/**
 * Bounds on what reading a checkpoint may consume, so that a hostile or broken file fails with a
 * clear error instead of exhausting memory or the stack.
 *
 * @param maxArchiveBytes      size of the checkpoint file itself
 * @param maxUncompressedBytes sum of all archive entries once uncompressed
 * @param maxEntries           number of archive entries (one per tensor storage, plus a few)
 * @param maxPickleBytes       size of the {@code data.pkl} entry
 * @param maxNesting           nesting depth of containers in the unpickled object
 */
public record CheckpointLimits(long maxArchiveBytes, long maxUncompressedBytes, int maxEntries, long maxPickleBytes,
                               int maxNesting) {

    /**
     * Room for the largest MAX78002 model (2.3 MB of weights) stored as float32 with its optimizer
     * state, many times over; the reference checkpoints are 0.6 to 4.1 MB.
     */
    public static final CheckpointLimits DEFAULT = new CheckpointLimits(512L << 20, 1L << 30, 100_000, 64L << 20, 64);

    public CheckpointLimits {
        if (maxArchiveBytes < 1 || maxArchiveBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("checkpoint limits: maxArchiveBytes must be in [1, 2^31 - 9], got "
                    + maxArchiveBytes);
        }
        if (maxUncompressedBytes < 1 || maxEntries < 1 || maxPickleBytes < 1 || maxNesting < 1) {
            throw new IllegalArgumentException("checkpoint limits: every limit must be >= 1, got " + this);
        }
        if (maxPickleBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("checkpoint limits: maxPickleBytes must be < 2^31 - 8, got "
                    + maxPickleBytes);
        }
    }
}
