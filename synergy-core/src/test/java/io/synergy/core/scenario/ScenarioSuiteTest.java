package io.synergy.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.topology.Device;
import io.synergy.core.zoo.Zoo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioSuiteTest {

    @Test
    void theShippedFilesAreWhatTheGeneratorWrites() {
        assertThat(ScenarioSuite.load()).isEqualTo(ScenarioSuite.generate());
    }

    @Test
    void theSuiteCoversThePapersSetting() {
        List<Scenario> suite = ScenarioSuite.load();
        Set<String> models = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (Scenario s : suite) {
            assertThat(s.devices()).hasSizeBetween(2, 8);
            assertThat(s.apps()).hasSizeBetween(1, 4);
            s.apps().forEach(a -> models.add(a.model()));
            s.devices().stream().map(Device::type).forEach(types::add);
        }
        assertThat(models).containsExactlyInAnyOrderElementsOf(Zoo.names());
        assertThat(types).containsExactlyInAnyOrder("max78000", "max78002");
        assertThat(suite).anySatisfy(s -> assertThat(s.devices()).allMatch(d -> d.type().equals("max78000")));
        assertThat(suite).anySatisfy(s -> assertThat(s.apps()).hasSize(4));
        assertThat(suite).anySatisfy(s -> assertThat(s.devices()).hasSize(8));
    }
}
