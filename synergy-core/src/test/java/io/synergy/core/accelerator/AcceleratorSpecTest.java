package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AcceleratorSpecTest {

    @Test
    void max78000HasTheDatasheetMemoriesLimitsAndClocks() {
        AcceleratorSpec s = AcceleratorSpec.MAX78000;
        assertThat(s.processors()).isEqualTo(64);
        assertThat(s.groups()).isEqualTo(4);
        assertThat(s.kernelRows(0)).isEqualTo(768);
        assertThat(s.kernelRows(17)).isEqualTo(768);
        assertThat(s.kernelMemory().rowBytes()).isEqualTo(9);
        assertThat(s.weightMemoryBytes()).isEqualTo(442_368);
        assertThat(s.biasMemory().groups()).isEqualTo(4);
        assertThat(s.biasMemory().bytesPerGroup()).isEqualTo(512);
        assertThat(s.dataMemory().totalBytes()).isEqualTo(512 * 1024);
        assertThat(s.dataMemory().instanceBytes()).isEqualTo(32 * 1024);
        assertThat(s.dataMemory().instances()).isEqualTo(16);
        assertThat(s.dataMemory().bytesPerProcessor()).isEqualTo(8 * 1024);
        assertThat(s.maxLayers()).isEqualTo(32);
        assertThat(s.depthwise()).isFalse();
        assertThat(s.clocks().cnnHz()).isEqualTo(50_000_000L);
        assertThat(s.clocks().cpuHz()).isEqualTo(100_000_000L);
    }

    @Test
    void max78002HasLargerMemoriesWithExtendedKernelRowsOnTheFirstProcessorOfEachGroup() {
        AcceleratorSpec s = AcceleratorSpec.MAX78002;
        assertThat(s.kernelRows(0)).isEqualTo(5_120);
        assertThat(s.kernelRows(16)).isEqualTo(5_120);
        assertThat(s.kernelRows(1)).isEqualTo(4_096);
        assertThat(s.weightMemoryBytes()).isEqualTo(2_396_160);
        assertThat(s.biasMemory().totalBytes()).isEqualTo(4 * 2_048);
        assertThat(s.dataMemory().totalBytes()).isEqualTo(1_280 * 1024);
        assertThat(s.dataMemory().bytesPerProcessor()).isEqualTo(20 * 1024);
        assertThat(s.maxLayers()).isEqualTo(128);
        assertThat(s.depthwise()).isTrue();
        assertThat(s.clocks().cnnHz()).isEqualTo(200_000_000L);
    }

    @Test
    void looksDevicesUpByNameIgnoringCase() {
        assertThat(AcceleratorSpec.byName("max78000")).isSameAs(AcceleratorSpec.MAX78000);
        assertThat(AcceleratorSpec.byName("MAX78002")).isSameAs(AcceleratorSpec.MAX78002);
        assertThat(AcceleratorSpec.byName(" Max78002 ")).isSameAs(AcceleratorSpec.MAX78002);
    }

    @Test
    void rejectsAnUnknownNameListingTheKnownOnes() {
        assertThatThrownBy(() -> AcceleratorSpec.byName("max78001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown accelerator 'max78001'; known: max78000, max78002");
    }

    @Test
    void rejectsMoreProcessorsThanAMaskHoldsNamingTheField() {
        AcceleratorSpec s = AcceleratorSpec.MAX78000;
        assertThatThrownBy(() -> new AcceleratorSpec("big", 128, 4, s.kernelMemory(), s.biasMemory(), s.dataMemory(),
                32, false, s.clocks(), s.rules()))
                .hasMessageContaining("processors must be in [1, 64]").hasMessageContaining("got 128");
    }
}
