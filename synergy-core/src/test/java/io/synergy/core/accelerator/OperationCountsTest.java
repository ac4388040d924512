package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The izer's per-layer "macc" counts and totals of every reference network. */
class OperationCountsTest {

    static Stream<ReferenceCase> cases() {
        return ReferenceCaseTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsMacsLikeTheIzer(ReferenceCase c) {
        long total = 0;
        for (int i = 0; i < c.network().size(); i++) {
            long macs = OperationCounts.macs(c.network(), i);
            assertThat(macs).as("%s layer %d", c, i).isEqualTo(c.layer(i).get("macs").asLong());
            total += macs;
        }
        long expected = c.zoo() ? c.profile().get("totals").get("macs").asLong()
                : c.profile().get("ops_total").get("macc").asLong();
        assertThat(total).isEqualTo(expected);
    }
}
