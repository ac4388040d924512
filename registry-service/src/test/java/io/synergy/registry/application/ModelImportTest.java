package io.synergy.registry.application;

import io.synergy.core.network.Model;
import io.synergy.core.network.pack.ModelPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelImportTest {

    private static final ImportLimits LIMITS = new ImportLimits(1 << 20, 32 << 20, 12 << 20);

    private final ModelImport modelImport = new ModelImport(LIMITS);

    @Test
    void importsAnAi8xDescriptionWithItsCheckpoint() {
        Model model = modelImport.fromAi8x("mnist", Uploads.mnistYaml(), Uploads.mnistCheckpoint(),
                Uploads.MNIST_INPUT_SHAPE);

        assertThat(model.network().size()).isEqualTo(5);
        assertThat(model.network().inputShape().toArray()).containsExactly(1, 28, 28);
    }

    @Test
    void readsBackThePackageOfAnImportedModel() {
        Model model = modelImport.fromAi8x("mnist", Uploads.mnistYaml(), Uploads.mnistCheckpoint(),
                Uploads.MNIST_INPUT_SHAPE);

        assertThat(modelImport.fromPackage(ModelPackage.write(model))).isEqualTo(model);
    }

    @Test
    void rejectsAYamlLargerThanItsLimitNamingFieldAndLimit() {
        ModelImport small = new ModelImport(new ImportLimits(100, 32 << 20, 12 << 20));

        assertThatThrownBy(() -> small.fromAi8x("mnist", Uploads.mnistYaml(), Uploads.mnistCheckpoint(), "1x28x28"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("yaml");
                    assertThat(e.limit()).isEqualTo("100 bytes");
                    assertThat(e.code()).isEqualTo("too-large");
                });
    }

    @Test
    void rejectsACheckpointLargerThanItsLimit() {
        ModelImport small = new ModelImport(new ImportLimits(1 << 20, 1000, 12 << 20));

        assertThatThrownBy(() -> small.fromAi8x("mnist", Uploads.mnistYaml(), Uploads.mnistCheckpoint(), "1x28x28"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("checkpoint");
                    assertThat(e.limit()).isEqualTo("1000 bytes");
                });
    }

    @Test
    void rejectsACheckpointThatIsNotAnArchive() {
        byte[] garbage = "not a zip archive".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> modelImport.fromAi8x("mnist", Uploads.mnistYaml(), garbage, "1x28x28"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("checkpoint");
                    assertThat(e.code()).isEqualTo("invalid-model");
                });
    }

    @Test
    void rejectsAYamlThatIsNotANetworkDescription() {
        byte[] yaml = "arch: x\nlayers: 7\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> modelImport.fromAi8x("mnist", yaml, Uploads.mnistCheckpoint(), "1x28x28"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("yaml"));
    }

    @Test
    void rejectsAnInputShapeTheNetworkCannotTake() {
        assertThatThrownBy(() -> modelImport.fromAi8x("mnist", Uploads.mnistYaml(), Uploads.mnistCheckpoint(),
                "3x32x32"))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3*32*32", "3x32x32x1", "ax28x28", "0x28x28", "1x28x-1", "9999999x1x1"})
    void rejectsAMalformedInputShape(String shape) {
        assertThatThrownBy(() -> ModelImport.parseInputShape(shape))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("inputShape"));
    }

    @Test
    void readsAOneDimensionalInputShapeWithWidthOne() {
        assertThat(ModelImport.parseInputShape("128x128").toArray()).containsExactly(128, 128, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "-leading-dash"})
    void rejectsANameThatIsNotAnId(String name) {
        assertThatThrownBy(() -> modelImport.fromAi8x(name, Uploads.mnistYaml(), Uploads.mnistCheckpoint(), "1x28x28"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void rejectsAPackageWithACorruptedByte() {
        Model model = modelImport.fromAi8x("mnist", Uploads.mnistYaml(), Uploads.mnistCheckpoint(), "1x28x28");
        byte[] content = ModelPackage.write(model);
        content[content.length / 2] ^= 0x5a;

        assertThatThrownBy(() -> modelImport.fromPackage(content))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("modelPackage"));
    }

    @Test
    void rejectsAPackageLargerThanItsLimit() {
        ModelImport small = new ModelImport(new ImportLimits(1 << 20, 32 << 20, 64));
        byte[] content = new byte[65];
        Arrays.fill(content, (byte) 1);

        assertThatThrownBy(() -> small.fromPackage(content))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("modelPackage");
                    assertThat(e.limit()).isEqualTo("64 bytes");
                });
    }

    @Test
    void refusesAnImportWhosePackageWouldExceedThePackageLimit() {
        ModelImport small = new ModelImport(new ImportLimits(1 << 20, 32 << 20, 1000));

        assertThatThrownBy(() -> small.fromAi8x("mnist", Uploads.mnistYaml(), Uploads.mnistCheckpoint(), "1x28x28"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.limit()).isEqualTo("1000 bytes"));
    }
}
