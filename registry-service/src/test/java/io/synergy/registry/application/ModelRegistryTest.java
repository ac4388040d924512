package io.synergy.registry.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.network.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRegistryTest {

    private static final ModelImport IMPORT = new ModelImport(new ImportLimits(1 << 20, 32 << 20, 12 << 20));
    private static Model mnist;

    private final ModelCatalog models = new ModelCatalog();
    private final AppCatalog apps = new AppCatalog();
    private final InMemoryStateWriter<ModelEvent> writer = new InMemoryStateWriter<>(models);
    private final ModelRegistry registry = new ModelRegistry(models, apps, writer, IMPORT, new SegmentCostModel());

    @BeforeAll
    static void importMnist() {
        mnist = IMPORT.fromAi8x("mnist", Uploads.mnistYaml(), Uploads.mnistCheckpoint(), Uploads.MNIST_INPUT_SHAPE);
    }

    @Test
    void summarisesARegisteredModelWithItsFitPerDeviceType() {
        ModelSummary summary = registry.register("digits", "MNIST digits", mnist);

        assertThat(summary.name()).isEqualTo("digits");
        assertThat(summary.layers()).isEqualTo(5);
        assertThat(summary.inputShape()).isEqualTo("1x28x28");
        // the izer's "Weight memory" of ai85net5 (shared/zoo/README.md: convnet5, 71,148 bytes)
        assertThat(summary.weightBytes()).isEqualTo(71_148);
        assertThat(summary.fits()).extracting(DeviceFit::accelerator).containsExactly("MAX78000", "MAX78002");
        assertThat(summary.fits()).allMatch(DeviceFit::fits);
    }

    @Test
    void storesThePackageWhoseModelIsTheOneRegistered() {
        registry.register("digits", null, mnist);

        ModelRegistered written = (ModelRegistered) writer.written.get(0);
        assertThat(written.modelPackage().format()).isEqualTo(ModelRegistry.PACKAGE_FORMAT);
        assertThat(registry.stored("digits").model()).isEqualTo(mnist);
    }

    @Test
    void refusesToRemoveAModelThatAnAppUses() {
        registry.register("digits", null, mnist);
        apps.apply(new AppDeployed("reader", "digits", "camera", "display", 0), Instant.EPOCH);

        assertThatThrownBy(() -> registry.remove("digits"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("reader"));
        assertThat(models.contains("digits")).isTrue();
    }

    @Test
    void removesAnUnusedModel() {
        registry.register("digits", null, mnist);

        registry.remove("digits");

        assertThat(registry.summaries()).isEmpty();
        assertThatThrownBy(() -> registry.summary("digits")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void registersAZooModelUnderItsZooName() {
        ModelSummary summary = registry.registerZoo("convnet5");

        assertThat(summary.name()).isEqualTo("convnet5");
        assertThat(summary.layers()).isEqualTo(5);
        assertThat(registry.zooNames()).contains("convnet5", "efficientnetv2");
    }

    @Test
    void reportsThatAZooModelTooLargeForOneMax78000FitsNone() {
        ModelSummary summary = registry.registerZoo("efficientnetv2");

        DeviceFit max78000 = summary.fits().get(0);
        assertThat(max78000.accelerator()).isEqualTo("MAX78000");
        assertThat(max78000.fits()).isFalse();
        assertThat(max78000.violations()).isNotEmpty();
    }

    @Test
    void refusesAnUnknownZooNameListingTheKnownOnes() {
        assertThatThrownBy(() -> registry.registerZoo("alexnet"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage()).contains("convnet5"));
        assertThat(writer.written).isEmpty();
    }

    @Test
    void rejectsADescriptionLongerThanItsLimit() {
        assertThatThrownBy(() -> registry.register("digits", "x".repeat(1025), mnist))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"));
        assertThat(writer.written).isEmpty();
    }
}
