package io.synergy.core.accelerator;

import io.synergy.core.network.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The planner's view of the accelerator model: for a segment [from, to) of a network on a device, its
 * resources, whether it fits, and what running it costs. Results are cached per (network instance,
 * from, to, device) in a bounded least-recently-used cache, so repeated queries are cheap; a miss costs
 * one kernel and bias allocation, O(layers x processors x rows) in the worst case. Thread-safe.
 */
public final class SegmentCostModel {

    public static final int DEFAULT_CACHE_ENTRIES = 65_536;

    private record Key(Network network, int from, int to, AcceleratorSpec spec) {
    }

    /** A fitting segment has a profile; one that does not has only its assessment. */
    private record Entry(ResourceAssessment assessment, SegmentProfile profile) {
    }

    private final ResourceModel resourceModel;
    private final CycleModel cycleModel;
    private final LoadingCostModel loading;
    private final Map<Key, Entry> cache;

    /** The upstream izer's rules and {@link LoadingCostModel#DEFAULT}. */
    public SegmentCostModel() {
        this(new ResourceModel(), new CycleModel(), LoadingCostModel.DEFAULT, DEFAULT_CACHE_ENTRIES);
    }

    public SegmentCostModel(ResourceModel resourceModel, CycleModel cycleModel, LoadingCostModel loading,
                            int cacheEntries) {
        this.resourceModel = Objects.requireNonNull(resourceModel, "resourceModel");
        this.cycleModel = Objects.requireNonNull(cycleModel, "cycleModel");
        this.loading = Objects.requireNonNull(loading, "loading");
        if (cacheEntries < 1) {
            throw new IllegalArgumentException("cacheEntries must be >= 1, got " + cacheEntries);
        }
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > cacheEntries;
            }
        };
    }

    /**
     * The segment's cost on the device.
     *
     * @throws SegmentDoesNotFitException when it breaks a limit of the device, naming each
     */
    public SegmentProfile profile(Network network, int from, int to, AcceleratorSpec spec) {
        Entry entry = entry(network, from, to, spec);
        if (entry.profile() == null) {
            throw new SegmentDoesNotFitException(ResourceModel.describe(network, from, to), spec,
                    entry.assessment().violations());
        }
        return entry.profile();
    }

    /** The limits the segment breaks on the device; empty when it fits. Never throws for a valid range. */
    public List<ResourceViolation> violations(Network network, int from, int to, AcceleratorSpec spec) {
        return entry(network, from, to, spec).assessment().violations();
    }

    public boolean fits(Network network, int from, int to, AcceleratorSpec spec) {
        return violations(network, from, to, spec).isEmpty();
    }

    private Entry entry(Network network, int from, int to, AcceleratorSpec spec) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(spec, "spec");
        Key key = new Key(network, from, to, spec);
        synchronized (cache) {
            Entry hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Computed outside the lock; if two threads race, both answers are equal and the first is kept.
        Entry computed = compute(network, from, to, spec);
        synchronized (cache) {
            Entry first = cache.putIfAbsent(key, computed);
            return first != null ? first : computed;
        }
    }

    private Entry compute(Network network, int from, int to, AcceleratorSpec spec) {
        ResourceAssessment assessment = resourceModel.assess(network, from, to, spec);
        if (!assessment.fits()) {
            return new Entry(assessment, null);
        }
        SegmentResources resources = assessment.resources();
        SegmentCycles cycles = cycleModel.cycles(network, assessment);
        List<LayerProfile> layers = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            layers.add(new LayerProfile(i, OperationCounts.macs(network, i), cycles.layer(i),
                    resources.kernels().placement(i)));
        }
        long inputBytes = network.boundaryBytes(from);
        long outputBytes = network.boundaryBytes(to);
        SegmentProfile profile = new SegmentProfile(spec, resources, cycles.total(),
                loading.inputLoadCycles(inputBytes), loading.outputUnloadCycles(outputBytes),
                loading.weightLoadCycles(resources, spec), inputBytes, outputBytes, layers);
        return new Entry(assessment, profile);
    }
}
