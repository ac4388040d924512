package io.synergy.core.network.pack;

/**
 * Bounds a model package reader enforces on untrusted input.
 *
 * @param maxPackageBytes  size of the whole file
 * @param maxManifestBytes size of the JSON manifest
 * @param maxLayers        number of layers
 */
public record PackageLimits(long maxPackageBytes, long maxManifestBytes, int maxLayers) {

    /** The MAX78002 holds 2.3 MB of weights in 128 layers; these leave a wide margin. */
    public static final PackageLimits DEFAULT = new PackageLimits(256L << 20, 16L << 20, 1024);

    public PackageLimits {
        if (maxPackageBytes < 1 || maxPackageBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("package limits: maxPackageBytes must be in [1, 2^31 - 9], got "
                    + maxPackageBytes);
        }
        if (maxManifestBytes < 1 || maxManifestBytes > maxPackageBytes || maxLayers < 1) {
            throw new IllegalArgumentException("package limits: need 1 <= maxManifestBytes <= maxPackageBytes and "
                    + "maxLayers >= 1, got " + this);
        }
    }
}
