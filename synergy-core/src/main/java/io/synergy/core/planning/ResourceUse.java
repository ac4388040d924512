package io.synergy.core.planning;

/**
 * The accelerator memory a segment keeps while it is loaded, or what a device holds. Segments of
 * different apps can stay loaded on one device together only while their sums fit; otherwise the
 * device reloads weights whenever it switches between them. Data memory is not summed: a device runs
 * one segment at a time and reuses it.
 *
 * @param weightBytes kernel memory in bytes
 * @param biasBytes   bias memory in bytes
 * @param layers      layer slots
 */
public record ResourceUse(long weightBytes, long biasBytes, int layers) {

    public static final ResourceUse NONE = new ResourceUse(0, 0, 0);

    public ResourceUse {
        if (weightBytes < 0 || biasBytes < 0 || layers < 0) {
            throw new IllegalArgumentException("resource use: weightBytes, biasBytes and layers must be >= 0, got "
                    + weightBytes + ", " + biasBytes + ", " + layers);
        }
    }

    public ResourceUse plus(ResourceUse other) {
        return new ResourceUse(weightBytes + other.weightBytes, biasBytes + other.biasBytes, layers + other.layers);
    }

    public boolean fitsWithin(ResourceUse capacity) {
        return weightBytes <= capacity.weightBytes && biasBytes <= capacity.biasBytes && layers <= capacity.layers;
    }
}
