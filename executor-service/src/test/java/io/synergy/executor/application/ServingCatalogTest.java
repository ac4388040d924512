package io.synergy.executor.application;

import io.synergy.contracts.app.AppDeployed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServingCatalogTest {

    private final ServingCatalog catalog = new ServingCatalog();

    @Test
    void resolvesAnAppIdAndTheModelNameOfExactlyOneApp() {
        catalog.appDeployed(Fixtures.captionsApp());

        assertThat(catalog.resolve("captions")).isEqualTo(new ServedApp("captions", "kws20"));
        assertThat(catalog.resolve("kws20")).isEqualTo(new ServedApp("captions", "kws20"));
    }

    @Test
    void refusesAModelNameServedBySeveralAppsNamingThem() {
        catalog.appDeployed(Fixtures.captionsApp());
        catalog.appDeployed(new AppDeployed("commands", "kws20", "microphone", "speaker", 0));

        assertThatThrownBy(() -> catalog.resolve("kws20")).isInstanceOf(AmbiguousModelException.class)
                .hasMessageContaining("[captions, commands]");
        assertThat(catalog.resolve("commands").appId()).isEqualTo("commands");
    }

    @Test
    void refusesAnUnknownNameListingWhatIsServed() {
        catalog.appDeployed(Fixtures.captionsApp());

        assertThatThrownBy(() -> catalog.resolve("nosuch")).isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("'nosuch'").hasMessageContaining("captions (kws20)");
    }

    @Test
    void forgetsAnUndeployedApp() {
        catalog.appDeployed(Fixtures.captionsApp());
        catalog.appUndeployed("captions");

        assertThatThrownBy(() -> catalog.resolve("captions")).isInstanceOf(UnknownModelException.class);
    }

    @Test
    void needsTheModelOfAnAppToBeRegisteredBeforeServingIt() {
        ServedApp captions = new ServedApp("captions", "kws20");
        assertThatThrownBy(() -> catalog.signature(captions)).isInstanceOf(NotServableException.class)
                .hasMessageContaining("kws20");

        catalog.modelRegistered("kws20", Fixtures.KWS20);

        assertThat(catalog.signature(captions)).isEqualTo(Fixtures.KWS20);
    }

    @Test
    void neverMovesTheEpochBack() {
        assertThat(catalog.planSetPublished(Fixtures.splitCaptions(7))).isTrue();
        assertThat(catalog.planSetPublished(Fixtures.splitCaptions(7))).isFalse();
        assertThat(catalog.planSetPublished(Fixtures.splitCaptions(3))).isFalse();

        assertThat(catalog.planSet()).hasValueSatisfying(set -> assertThat(set.epoch()).isEqualTo(7));
    }
}
