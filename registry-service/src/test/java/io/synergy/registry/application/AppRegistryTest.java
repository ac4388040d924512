package io.synergy.registry.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.LinkDescriptor;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.network.Model;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppRegistryTest {

    private static Model mnist;

    private final ModelCatalog models = new ModelCatalog();
    private final AppCatalog apps = new AppCatalog();
    private final DeviceRegistry devices = new DeviceRegistry();
    private final InMemoryStateWriter<AppEvent> appWriter = new InMemoryStateWriter<>(apps);
    private final AppRegistry registry = new AppRegistry(apps, models, devices, Set.of("camera", "display"), appWriter);

    @BeforeEach
    void registerMnist() {
        if (mnist == null) {
            mnist = new ModelImport(new ImportLimits(1 << 20, 32 << 20, 12 << 20))
                    .fromAi8x("mnist", Uploads.mnistYaml(), Uploads.mnistCheckpoint(), Uploads.MNIST_INPUT_SHAPE);
        }
        ModelImport modelImport = new ModelImport(new ImportLimits(1 << 20, 32 << 20, 12 << 20));
        new ModelRegistry(models, apps, new InMemoryStateWriter<ModelEvent>(models), modelImport, new SegmentCostModel())
                .register("mnist", null, mnist);
    }

    @Test
    void deploysAnAppOfAKnownModelBetweenKnownCapabilities() {
        AppDeployed app = registry.deploy(new AppRequest("digits", "mnist", "Camera", "display", 12.5));

        assertThat(app).isEqualTo(new AppDeployed("digits", "mnist", "camera", "display", 12.5));
        assertThat(registry.all()).containsExactly(app);
        assertThat(appWriter.written).containsExactly(app);
    }

    @Test
    void takesAnAbsentWantedRateAsAsFastAsTheFleetAllows() {
        assertThat(registry.deploy(new AppRequest("digits", "mnist", "camera", "display", null)).wantedRatePerSecond())
                .isZero();
    }

    @Test
    void rejectsAnUnknownModelAndStoresNothing() {
        assertThatThrownBy(() -> registry.deploy(new AppRequest("digits", "nope", "camera", "display", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("model");
                    assertThat(e.code()).isEqualTo("unknown-model");
                });
        assertThat(appWriter.written).isEmpty();
    }

    @Test
    void rejectsAnUnknownCapabilityListingTheKnownOnes() {
        assertThatThrownBy(() -> registry.deploy(new AppRequest("digits", "mnist", "sonar", "display", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("source");
                    assertThat(e.code()).isEqualTo("unknown-capability");
                    assertThat(e.getMessage()).contains("[camera, display]");
                });
        assertThat(appWriter.written).isEmpty();
    }

    @Test
    void acceptsACapabilityThatALiveDeviceOffers() {
        devices.apply(new DeviceAnnounced(new DeviceDescriptor("ring-1", "gw-1", "MAX78000", List.of("haptic"),
                new LinkDescriptor("ble-2m", 170_000, 7_500)), 90), Instant.EPOCH);

        assertThat(registry.deploy(new AppRequest("buzz", "mnist", "camera", "haptic", null)).targetCapability())
                .isEqualTo("haptic");
    }

    @Test
    void rejectsANegativeWantedRate() {
        assertThatThrownBy(() -> registry.deploy(new AppRequest("digits", "mnist", "camera", "display", -1.0)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("wantedRatePerSecond"));
    }

    @Test
    void rejectsAnAppIdThatIsNotAnId() {
        assertThatThrownBy(() -> registry.deploy(new AppRequest("my app", "mnist", "camera", "display", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void undeploysADeployedAppAndRefusesAnUnknownOne() {
        registry.deploy(new AppRequest("digits", "mnist", "camera", "display", null));

        registry.undeploy("digits");

        assertThat(registry.all()).isEmpty();
        assertThatThrownBy(() -> registry.undeploy("digits")).isInstanceOf(NotFoundException.class);
    }
}
