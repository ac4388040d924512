package io.synergy.gateway.application;

import io.synergy.core.network.Model;
import io.synergy.core.network.pack.ModelPackage;
import io.synergy.gateway.TinyModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {

    @Test
    void keepsAtMostTheConfiguredNumberOfDecodedModelsAndDecodesAnEvictedOneAgain() {
        ModelCatalog catalog = new ModelCatalog(2);
        Model first = TinyModels.classifier("m1", 1);
        catalog.register("m1", ModelPackage.write(first));
        catalog.register("m2", ModelPackage.write(TinyModels.classifier("m2", 2)));
        catalog.register("m3", ModelPackage.write(TinyModels.classifier("m3", 3)));

        assertThat(catalog.decodedCount()).isEqualTo(2);
        assertThat(catalog.names()).containsExactlyInAnyOrder("m1", "m2", "m3");
        assertThat(catalog.model("m1")).contains(first);
        assertThat(catalog.decodedCount()).isEqualTo(2);
    }

    @Test
    void forgetsARemovedModel() {
        ModelCatalog catalog = new ModelCatalog(2);
        catalog.register("m1", ModelPackage.write(TinyModels.classifier("m1", 1)));

        catalog.remove("m1");

        assertThat(catalog.model("m1")).isEmpty();
        assertThat(catalog.names()).isEmpty();
    }

    @Test
    void refusesBytesThatAreNotAModelPackageWithoutForgettingThePreviousVersion() {
        ModelCatalog catalog = new ModelCatalog(2);
        Model model = TinyModels.classifier("m1", 1);
        catalog.register("m1", ModelPackage.write(model));

        assertThatThrownBy(() -> catalog.register("m1", new byte[] {1, 2, 3})).isInstanceOf(RuntimeException.class);
        assertThat(catalog.model("m1")).contains(model);
    }

    @Test
    void rejectsACacheWithoutRoom() {
        assertThatThrownBy(() -> new ModelCatalog(0)).hasMessageContaining("model-cache-entries");
    }
}
