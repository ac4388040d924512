package io.synergy.core.planning;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.accelerator.SegmentResources;
import io.synergy.core.network.Network;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The planners' cost port over the accelerator model: a segment's cost on a device type is the
 * {@link SegmentCostModel}'s profile (the izer's resource and cycle rules), and a device holds its
 * spec's kernel memory, bias memory and layer slots. Device types are the spec names in lower case.
 */
public final class AcceleratorCostModel implements CostModel {

    private final SegmentCostModel costs;
    private final Map<String, AcceleratorSpec> specs = new LinkedHashMap<>();

    public AcceleratorCostModel(SegmentCostModel costs) {
        this.costs = costs;
        AcceleratorSpec.known().forEach(spec -> specs.put(typeOf(spec.name()), spec));
    }

    /** The device type of an accelerator name as gateways announce it ("MAX78000" -> "max78000"). */
    public static String typeOf(String accelerator) {
        return accelerator.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public Set<String> deviceTypes() {
        return specs.keySet();
    }

    @Override
    public ResourceUse capacity(String deviceType) {
        AcceleratorSpec spec = spec(deviceType);
        return new ResourceUse(spec.weightMemoryBytes(), spec.biasMemory().totalBytes(), spec.maxLayers());
    }

    @Override
    public Optional<SegmentCost> segment(Network network, int from, int to, String deviceType) {
        AcceleratorSpec spec = spec(deviceType);
        if (!costs.fits(network, from, to, spec)) {
            return Optional.empty();
        }
        SegmentProfile profile = costs.profile(network, from, to, spec);
        SegmentResources resources = profile.resources();
        return Optional.of(new SegmentCost(profile.computeMicros(), profile.ioMicros(), profile.weightLoadMicros(),
                new ResourceUse(resources.weightBytes(), resources.biasBytes(), resources.layerCount())));
    }

    private AcceleratorSpec spec(String deviceType) {
        AcceleratorSpec spec = specs.get(deviceType);
        if (spec == null) {
            throw new IllegalArgumentException("deviceType: '" + deviceType + "' is not known; known: " + specs.keySet());
        }
        return spec;
    }
}
