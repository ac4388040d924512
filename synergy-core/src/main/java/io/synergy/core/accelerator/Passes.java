package io.synergy.core.accelerator;

/**
 * Multipass arithmetic of the izer ({@code izer/backend/max7800x.py}, input/output expansion): a
 * tensor with more channels than processors is processed in several passes, each pass holding
 * {@link #passChannels} channels per processor set.
 */
final class Passes {

    private Passes() {
    }

    /** Passes for {@code channels} on {@code processors}: ceil(channels / processors). */
    static int passes(int channels, int processors) {
        return (channels + processors - 1) / processors;
    }

    /**
     * Channels (= processors) per pass: ceil(channels / passes), and when there is more than one pass,
     * rounded up to whole data-memory instances ({@code shared} processors) but at most all processors.
     */
    static int passChannels(int channels, int processors, int shared) {
        int passes = passes(channels, processors);
        int perPass = (channels + passes - 1) / passes;
        if (channels > processors) {
            perPass = Math.min(roundUp(perPass, shared), processors);
        }
        return perPass;
    }

    /** The mask of processors 0..count-1. */
    static long packedMask(int count) {
        return count >= 64 ? -1L : (1L << count) - 1;
    }

    static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** Index of the lowest set bit (the izer's ffs); the mask must not be 0. */
    static int first(long mask) {
        return Long.numberOfTrailingZeros(mask);
    }

    /** Index of the highest set bit (the izer's fls); the mask must not be 0. */
    static int last(long mask) {
        return 63 - Long.numberOfLeadingZeros(mask);
    }

    /** The bits of {@code mask} that belong to group g of {@code perGroup} processors, shifted to bit 0. */
    static long groupBits(long mask, int group, int perGroup) {
        long bits = mask >>> (group * perGroup);
        return perGroup >= 64 ? bits : bits & ((1L << perGroup) - 1);
    }
}
