package io.synergy.core.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.CycleModel;
import io.synergy.core.accelerator.KernelAllocationOrder;
import io.synergy.core.accelerator.LoadingCostModel;
import io.synergy.core.accelerator.OperationCounts;
import io.synergy.core.accelerator.ResourceLimit;
import io.synergy.core.accelerator.ResourceModel;
import io.synergy.core.accelerator.ResourceViolation;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.network.Network;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * What the zoo models need and cost on the accelerator, decided by the resource and cycle models from
 * the Java descriptors, against the toolchain's profiles: per-layer MACs, whether a model fits one
 * MAX78000 (never a hand-written flag), the cycles of every full-model and authors' segment run.
 */
class ZooResourceTest {

    private final SegmentCostModel costs = new SegmentCostModel();
    /** The authors' fork of the izer, which ran the split segments, places kernels in layer order. */
    private final SegmentCostModel forkCosts = new SegmentCostModel(
            new ResourceModel(KernelAllocationOrder.LAYER_ORDER), new CycleModel(), LoadingCostModel.DEFAULT, 64);

    static List<String> zooNames() {
        return Zoo.names();
    }

    @ParameterizedTest
    @MethodSource("zooNames")
    void countsTheToolchainsMacsPerLayer(String name) {
        Network network = Zoo.architecture(name);
        JsonNode profile = ZooProfiles.profile(name);

        long total = 0;
        for (JsonNode layer : profile.get("layers")) {
            int index = layer.get("index").asInt();
            assertThat(OperationCounts.macs(network, index)).as(name + " layer " + index + " MACs")
                    .isEqualTo(layer.get("macs").asLong());
            total += OperationCounts.macs(network, index);
        }
        assertThat(total).isEqualTo(profile.get("totals").get("macs").asLong());
    }

    @ParameterizedTest
    @MethodSource("zooNames")
    void fitsOneMax78000ExactlyWhenTheToolchainCouldRunTheWholeModel(String name) {
        Network network = Zoo.architecture(name);
        boolean izerRanWholeModel = ZooProfiles.profile(name).get("fits_one_max78000")
                .get("izer_full_model_run_ok").asBoolean();

        assertThat(costs.fits(network, 0, network.size(), AcceleratorSpec.MAX78000)).isEqualTo(izerRanWholeModel);
    }

    @Test
    void flagsTheTwoModelsThatExceedOneMax78000WithTheLimitsTheyBreak() {
        List<String> tooLarge = Zoo.names().stream()
                .filter(n -> !costs.fits(Zoo.architecture(n), 0, Zoo.architecture(n).size(), AcceleratorSpec.MAX78000))
                .toList();
        assertThat(tooLarge).containsExactly("efficientnetv2", "mobilenetv2-0.75");

        Network efficientnet = Zoo.architecture("efficientnetv2");
        assertThat(limits(costs.violations(efficientnet, 0, efficientnet.size(), AcceleratorSpec.MAX78000)))
                .contains(ResourceLimit.WEIGHT_MEMORY, ResourceLimit.BIAS_MEMORY);
        Network mobilenet = Zoo.architecture("mobilenetv2-0.75");
        assertThat(costs.violations(mobilenet, 0, mobilenet.size(), AcceleratorSpec.MAX78000))
                .anySatisfy(v -> {
                    assertThat(v.limit()).isEqualTo(ResourceLimit.LAYERS);
                    assertThat(v.need()).isEqualTo(56);
                    assertThat(v.capacity()).isEqualTo(32);
                });
    }

    @ParameterizedTest
    @MethodSource("zooNames")
    void everyModelFitsOneMax78002(String name) {
        Network network = Zoo.architecture(name);

        assertThat(costs.violations(network, 0, network.size(), AcceleratorSpec.MAX78002)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("zooNames")
    void costsTheToolchainsCyclesForEveryRunItMade(String name) {
        Network network = Zoo.architecture(name);
        JsonNode profile = ZooProfiles.profile(name);
        SoftAssertions softly = new SoftAssertions();
        if (profile.get("fits_one_max78000").get("izer_full_model_run_ok").asBoolean()) {
            SegmentProfile whole = costs.profile(network, 0, network.size(), AcceleratorSpec.MAX78000);
            for (JsonNode layer : profile.get("layers")) {
                int index = layer.get("index").asInt();
                softly.assertThat(whole.layers().get(index).cycles()).as(name + " layer " + index + " cycles")
                        .isEqualTo(layer.get("latency_cycles_max78000").asLong());
            }
            softly.assertThat(whole.computeCycles()).as(name + " total cycles")
                    .isEqualTo(profile.get("totals").get("latency_cycles_max78000").asLong());
        }
        for (JsonNode segment : profile.get("authors_split_segments")) {
            int from = segment.get("layers").get(0).asInt();
            int to = Math.min(network.size(), segment.get("layers").get(1).asInt());
            String at = name + " segment [" + from + ", " + to + ") ";
            softly.assertThat(forkCosts.violations(network, from, to, AcceleratorSpec.MAX78000)).as(at + "violations")
                    .isEmpty();
            if (forkCosts.fits(network, from, to, AcceleratorSpec.MAX78000)) {
                softly.assertThat(forkCosts.profile(network, from, to, AcceleratorSpec.MAX78000).computeCycles())
                        .as(at + "cycles").isEqualTo(segment.get("latency_total_cycles").asLong());
            }
        }
        softly.assertAll();
    }

    private static List<ResourceLimit> limits(List<ResourceViolation> violations) {
        return violations.stream().map(ResourceViolation::limit).toList();
    }
}
