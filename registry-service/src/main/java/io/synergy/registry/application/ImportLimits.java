package io.synergy.registry.application;

/**
 * How much untrusted model input the registry accepts, in bytes.
 *
 * @param maxYamlBytes       the ai8x network description
 * @param maxCheckpointBytes the quantized checkpoint (a zip archive)
 * @param maxPackageBytes    a Synergy model package, uploaded or produced by an import; it travels Base64 in
 *                           JSON on {@code synergy.models}, so it must stay below 3/4 of that topic's message size
 */
public record ImportLimits(long maxYamlBytes, long maxCheckpointBytes, long maxPackageBytes) {

    public ImportLimits {
        if (maxYamlBytes < 1 || maxCheckpointBytes < 1 || maxPackageBytes < 1) {
            throw new IllegalArgumentException("import limits: every limit must be >= 1 byte, got " + maxYamlBytes
                    + ", " + maxCheckpointBytes + ", " + maxPackageBytes);
        }
        if (maxCheckpointBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxCheckpointBytes: must be < 2^31 - 8, got " + maxCheckpointBytes);
        }
    }
}
