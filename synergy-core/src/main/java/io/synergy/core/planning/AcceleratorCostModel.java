package io.synergy.core.planning;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.accelerator.SegmentResources;
import io.synergy.core.network.Network;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The planning {@link CostModel} over the accelerator model ({@link SegmentCostModel}): segment fit,
 * cycles, I/O and weight-load time as the izer's rules give them, for every known
 * {@link AcceleratorSpec} (device types {@code max78000}, {@code max78002}).
 *
 * <p>Whether segments can stay resident together is judged conservatively on the kernel memory as a
 * band of rows: a segment occupies its rows in use (the izer's kernel_memory_rows_used) on every
 * processor, so segments fit together when their bands stacked fit the rows per processor (the
 * MAX78002's extension rows on some processors are not counted); bias bytes and layer slots add up.
 */
public final class AcceleratorCostModel implements CostModel {

    private final SegmentCostModel segments;

    public AcceleratorCostModel(SegmentCostModel segments) {
        this.segments = Objects.requireNonNull(segments, "segments");
    }

    public AcceleratorCostModel() {
        this(new SegmentCostModel());
    }

    /** The device type of an accelerator name as gateways announce it ("MAX78000" -> "max78000"). */
    public static String typeOf(String accelerator) {
        return accelerator.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public Set<String> deviceTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (AcceleratorSpec spec : AcceleratorSpec.known()) {
            types.add(typeOf(spec.name()));
        }
        return types;
    }

    @Override
    public ResourceUse capacity(String deviceType) {
        AcceleratorSpec spec = AcceleratorSpec.byName(deviceType);
        return new ResourceUse(bandBytes(spec, spec.kernelMemory().rowsPerProcessor()),
                spec.biasMemory().totalBytes(), spec.maxLayers());
    }

    @Override
    public Optional<SegmentCost> segment(Network network, int from, int to, String deviceType) {
        AcceleratorSpec spec = AcceleratorSpec.byName(deviceType);
        if (!segments.fits(network, from, to, spec)) {
            return Optional.empty();
        }
        SegmentProfile p = segments.profile(network, from, to, spec);
        SegmentResources r = p.resources();
        ResourceUse use = new ResourceUse(bandBytes(spec, r.kernelRowsUsed()), r.biasBytes(), r.layerCount());
        return Optional.of(new SegmentCost(p.computeMicros(), p.ioMicros(), p.weightLoadMicros(), use));
    }

    /** Bytes of a band of kernel rows across every processor. */
    private static long bandBytes(AcceleratorSpec spec, int rows) {
        return (long) rows * spec.kernelMemory().rowBytes() * spec.processors();
    }
}
