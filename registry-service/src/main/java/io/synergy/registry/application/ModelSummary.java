package io.synergy.registry.application;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.ResourceViolation;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * What a client wants to know about a registered model.
 *
 * @param network      the network's own name (the ai8x arch for imports)
 * @param inputShape   channels x height x width, e.g. "3x32x32"
 * @param weightBytes  the izer's weight memory figure: per layer, weight count x weight bits / 8, rounded up
 * @param biasBytes    int8 bias values
 * @param packageBytes size of the stored model package
 * @param fits         per known accelerator type, whether the whole model fits one device
 */
public record ModelSummary(String name, String description, String network, int layers, String inputShape,
                           long weightBytes, long biasBytes, long packageBytes, String sha256, List<DeviceFit> fits) {

    public ModelSummary {
        fits = List.copyOf(fits);
    }

    public static ModelSummary of(StoredModel stored, SegmentCostModel costs) {
        Model model = stored.model();
        Network network = model.network();
        long weightBytes = 0;
        long biasBytes = 0;
        for (Layer layer : network.layers()) {
            long bits = network.geometry(layer.index()).weightCount() * layer.weightBits();
            weightBytes += (bits + 7) / 8;
            LayerParameters parameters = model.parameters(layer.index());
            if (parameters != null && parameters.hasBias()) {
                biasBytes += parameters.bias().length;
            }
        }
        List<DeviceFit> fits = new ArrayList<>();
        for (AcceleratorSpec spec : AcceleratorSpec.known()) {
            List<String> violations = costs.violations(network, 0, network.size(), spec).stream()
                    .map(ResourceViolation::message).toList();
            fits.add(new DeviceFit(spec.name(), violations.isEmpty(), violations));
        }
        return new ModelSummary(stored.name(), stored.description(), network.name(), network.size(),
                shapeText(network), weightBytes, biasBytes, stored.modelPackage().content().length,
                stored.modelPackage().sha256(), fits);
    }

    private static String shapeText(Network network) {
        return network.inputShape().channels() + "x" + network.inputShape().height() + "x"
                + network.inputShape().width();
    }
}
