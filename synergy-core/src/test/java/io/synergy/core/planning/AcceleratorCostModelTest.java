package io.synergy.core.planning;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.network.Network;
import io.synergy.core.zoo.Zoo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceleratorCostModelTest {

    private final SegmentCostModel segments = new SegmentCostModel();
    private final AcceleratorCostModel costs = new AcceleratorCostModel(segments);

    @Test
    void knowsTheAcceleratorsByTheirLowerCaseNames() {
        assertThat(costs.deviceTypes()).containsExactly("max78000", "max78002");
        assertThat(AcceleratorCostModel.typeOf(" MAX78002")).isEqualTo("max78002");
    }

    @Test
    void holdsTheKernelRowsBiasAndLayersOfTheSpec() {
        // MAX78000: 768 rows x 9 bytes x 64 processors = 442,368 B (DESIGN.md section 5), 4 x 512 B of
        // bias, 32 layers; MAX78002: its 4,096 common rows per processor (the extension rows some
        // processors have are not counted), 4 x 2,048 B of bias, 128 layers
        assertThat(costs.capacity("max78000")).isEqualTo(new ResourceUse(442_368, 2_048, 32));
        assertThat(costs.capacity("max78002")).isEqualTo(new ResourceUse(4_096L * 9 * 64, 8_192, 128));
    }

    @Test
    void costsASegmentAsTheAcceleratorModelProfilesIt() {
        Network kws = Zoo.network("kws");
        SegmentProfile profile = segments.profile(kws, 0, 5, AcceleratorSpec.MAX78000);

        SegmentCost cost = costs.segment(kws, 0, 5, "max78000").orElseThrow();

        assertThat(cost.computeMicros()).isEqualTo(profile.computeMicros());
        assertThat(cost.ioMicros()).isEqualTo(profile.ioMicros());
        assertThat(cost.weightLoadMicros()).isEqualTo(profile.weightLoadMicros());
        assertThat(cost.resources().weightBytes()).as("the band of kernel rows it occupies on every processor")
                .isEqualTo((long) profile.resources().kernelRowsUsed() * 9 * 64);
        assertThat(cost.resources().layers()).isEqualTo(profile.resources().layerCount());
    }

    @Test
    void hasNoCostForASegmentThatBreaksALimit() {
        Network efficientnet = Zoo.network("efficientnetv2");

        assertThat(costs.segment(efficientnet, 0, efficientnet.size(), "max78000")).isEmpty();
        assertThat(costs.segment(efficientnet, 0, efficientnet.size(), "max78002")).isPresent();
    }

    @Test
    void refusesAnUnknownDeviceTypeNamingTheKnownOnes() {
        assertThatThrownBy(() -> costs.capacity("max32690")).hasMessageContaining("max78000");
    }
}
