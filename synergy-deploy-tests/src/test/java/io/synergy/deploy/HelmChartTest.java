package io.synergy.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static io.synergy.deploy.RepositoryFiles.at;
import static io.synergy.deploy.RepositoryFiles.list;
import static io.synergy.deploy.RepositoryFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * charts/synergy linted and rendered by Helm's own library (helm-java), and the rendered manifests
 * asserted: the five services, their probes and resources, autoscaling, the API keys' Secret, and
 * settings (Kafka, replicas, device groups) flowing from values into every pod. No cluster is needed.
 */
class HelmChartTest {

    static final Path CHART = RepositoryFiles.resolve("charts/synergy");
    static final String RELEASE = "syn";

    private static Manifests defaults;

    @BeforeAll
    static void renderWithDefaultValues() {
        defaults = render(template -> template);
    }

    @Test
    void theChartLintsCleanInStrictMode() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void everyServiceHasADeploymentAndAServiceOnItsPort() {
        Map<String, Integer> ports = Map.of("registry-service", 8081, "planner-service", 8082, "executor-service", 8083,
                "device-gateway-body", 8084, "api-gateway", 8080);
        assertThat(defaults.names("Deployment")).containsExactlyInAnyOrderElementsOf(
                ports.keySet().stream().map(name -> RELEASE + "-" + name).toList());
        ports.forEach((name, port) -> {
            Map<String, Object> container = defaults.container(RELEASE + "-" + name);
            assertThat(map(list(container.get("ports"), "ports").get(0), "port").get("containerPort")).as(name).isEqualTo(port);
            assertThat(defaults.env(RELEASE + "-" + name)).as(name)
                    .containsEntry("SERVER_ADDRESS", "0.0.0.0").containsEntry("SERVER_PORT", port.toString());
            Map<String, Object> service = defaults.get("Service", RELEASE + "-" + name);
            assertThat(at(map(list(at(service, "spec.ports"), "ports").get(0), "port"), "port")).as(name).isEqualTo(port);
        });
    }

    @Test
    void everyContainerProbesTheHealthGroupsAndHasResources() {
        for (String deployment : defaults.names("Deployment")) {
            Map<String, Object> container = defaults.container(deployment);
            assertThat(at(container, "startupProbe.httpGet.path")).as(deployment).isEqualTo("/actuator/health/liveness");
            assertThat(at(container, "livenessProbe.httpGet.path")).as(deployment).isEqualTo("/actuator/health/liveness");
            assertThat(at(container, "readinessProbe.httpGet.path")).as(deployment).isEqualTo("/actuator/health/readiness");
            assertThat(at(container, "readinessProbe.httpGet.port")).as(deployment).isEqualTo("http");
            assertThat(at(container, "resources.requests.cpu")).as(deployment).isNotNull();
            assertThat(at(container, "resources.requests.memory")).as(deployment).isNotNull();
            assertThat(at(container, "resources.limits.memory")).as(deployment).isNotNull();
            assertThat(at(defaults.get("Deployment", deployment), "spec.template.spec.securityContext.runAsNonRoot"))
                    .as(deployment).isEqualTo(true);
        }
    }

    @Test
    void executorsAndApiGatewaysAutoscaleAndDeviceGatewaysDoNot() {
        assertThat(defaults.names("HorizontalPodAutoscaler"))
                .containsExactlyInAnyOrder(RELEASE + "-executor-service", RELEASE + "-api-gateway");
        for (String name : defaults.names("HorizontalPodAutoscaler")) {
            Map<String, Object> hpa = defaults.get("HorizontalPodAutoscaler", name);
            assertThat(at(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat(at(hpa, "spec.scaleTargetRef.name")).isEqualTo(name);
            // the autoscaler owns the count
            assertThat(at(defaults.get("Deployment", name), "spec.replicas")).as(name).isNull();
        }
        assertThat(at(defaults.get("Deployment", RELEASE + "-device-gateway-body"), "spec.replicas")).isEqualTo(1);
        assertThat(at(defaults.get("Deployment", RELEASE + "-planner-service"), "spec.strategy.type")).isEqualTo("Recreate");
    }

    @Test
    void theKafkaSettingsReachEveryService() {
        Manifests rendered = render(template -> template.set("kafka.bootstrapServers", "kafka-a:9092,kafka-b:9092")
                .set("kafka.replicationFactor", 3));
        for (String deployment : rendered.names("Deployment")) {
            assertThat(rendered.env(deployment)).as(deployment)
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "kafka-a:9092,kafka-b:9092");
        }
        assertThat(rendered.env(RELEASE + "-registry-service")).containsEntry("SYNERGY_REGISTRY_REPLICATIONFACTOR", "3");
        assertThat(defaults.env(RELEASE + "-registry-service"))
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "synergy-kafka-kafka-bootstrap:9092")
                .containsEntry("SYNERGY_REGISTRY_REPLICATIONFACTOR", "1");
    }

    @Test
    void theApiGatewayRoutesToTheReleasesServices() {
        assertThat(defaults.env(RELEASE + "-api-gateway"))
                .containsEntry("SYNERGY_API_REGISTRYURI", "http://syn-registry-service:8081")
                .containsEntry("SYNERGY_API_PLANNERURI", "http://syn-planner-service:8082")
                .containsEntry("SYNERGY_API_EXECUTORURI", "http://syn-executor-service:8083");
    }

    @Test
    void theApiKeyHashesReachTheApiGatewayFromASecretOnly() {
        Manifests rendered = render(template -> template.set("apiKeys.admin.hashes[0]", "hash-a")
                .set("apiKeys.admin.hashes[1]", "hash-b").set("apiKeys.inference.hashes[0]", "hash-c"));
        Map<String, Object> secret = rendered.get("Secret", RELEASE + "-api-keys");
        assertThat(at(secret, "stringData.admin")).isEqualTo("hash-a,hash-b");
        assertThat(at(secret, "stringData.inference")).isEqualTo("hash-c");
        assertThat(rendered.envEntry(RELEASE + "-api-gateway", "SYNERGY_API_KEYS_ADMIN"))
                .doesNotContainKey("value")
                .containsEntry("valueFrom", Map.of("secretKeyRef", Map.of("name", RELEASE + "-api-keys", "key", "admin")));
        assertThat(rendered.envEntry(RELEASE + "-api-gateway", "SYNERGY_API_KEYS_INFERENCE"))
                .containsEntry("valueFrom", Map.of("secretKeyRef", Map.of("name", RELEASE + "-api-keys", "key", "inference")));
        for (String deployment : rendered.names("Deployment")) {
            if (!deployment.endsWith("api-gateway")) {
                assertThat(rendered.env(deployment)).as(deployment)
                        .doesNotContainKeys("SYNERGY_API_KEYS_ADMIN", "SYNERGY_API_KEYS_INFERENCE");
            }
        }
    }

    @Test
    void anExistingSecretIsReferencedAndNoneIsRendered() {
        Manifests rendered = render(template -> template.set("apiKeys.existingSecret", "team-keys"));
        assertThat(rendered.names("Secret")).isEmpty();
        assertThat(rendered.envEntry(RELEASE + "-api-gateway", "SYNERGY_API_KEYS_ADMIN"))
                .containsEntry("valueFrom", Map.of("secretKeyRef", Map.of("name", "team-keys", "key", "admin")));
    }

    @Test
    void withoutAutoscalingTheReplicaCountsOfTheValuesApply() {
        Manifests rendered = render(template -> template.set("executor.autoscaling.enabled", false)
                .set("executor.replicas", 3).set("apiGateway.autoscaling.enabled", false).set("apiGateway.replicas", 2));
        assertThat(rendered.names("HorizontalPodAutoscaler")).isEmpty();
        assertThat(at(rendered.get("Deployment", RELEASE + "-executor-service"), "spec.replicas")).isEqualTo(3);
        assertThat(at(rendered.get("Deployment", RELEASE + "-api-gateway"), "spec.replicas")).isEqualTo(2);
    }

    @Test
    void eachDeviceGroupIsAGatewayOfItsOwnWithItsFleetFromAConfigMap() {
        Manifests rendered = render(template -> template.withValuesFile(RepositoryFiles.resolve(
                "synergy-deploy-tests/src/test/resources/two-device-groups.yaml")));
        assertThat(rendered.names("Deployment")).contains(RELEASE + "-device-gateway-head", RELEASE + "-device-gateway-hub")
                .doesNotContain(RELEASE + "-device-gateway-body");
        assertThat(rendered.env(RELEASE + "-device-gateway-head")).containsEntry("SYNERGY_GATEWAY_GATEWAYID", "gw-head")
                .containsEntry("SPRING_CONFIG_ADDITIONALLOCATION", "optional:file:/config/fleet.yaml")
                .doesNotContainKey("SPRING_PROFILES_ACTIVE");
        assertThat(rendered.env(RELEASE + "-device-gateway-hub")).containsEntry("SYNERGY_GATEWAY_GATEWAYID", "gw-hub")
                .containsEntry("SPRING_PROFILES_ACTIVE", "wearable")
                .doesNotContainKey("SPRING_CONFIG_ADDITIONALLOCATION");

        Map<String, Object> config = rendered.get("ConfigMap", RELEASE + "-device-gateway-head");
        Map<String, Object> fleet = RepositoryFiles.documents((String) map(config.get("data"), "data").get("fleet.yaml")).get(0);
        assertThat(list(at(fleet, "synergy.gateway.devices"), "devices")).extracting(device -> map(device, "device").get("id"))
                .containsExactly("glasses-1", "earbud-left");
        assertThat(at(fleet, "synergy.gateway.time-scale")).isEqualTo(10);
        assertThat(list(at(rendered.get("Deployment", RELEASE + "-device-gateway-head"), "spec.template.spec.volumes"), "volumes"))
                .containsExactly(Map.of("name", "config", "configMap", Map.of("name", RELEASE + "-device-gateway-head")));
    }

    @Test
    void twoDeviceGroupsWithOneGatewayIdAreRefusedNamingTheField() {
        assertThatThrownBy(() -> render(template -> template
                .set("deviceGateway.groups[0].name", "a").set("deviceGateway.groups[0].gatewayId", "gw-1")
                .set("deviceGateway.groups[1].name", "b").set("deviceGateway.groups[1].gatewayId", "gw-1")))
                .hasMessageContaining("deviceGateway.groups[1].gatewayId")
                .hasMessageContaining("unique in the fleet");
    }

    private static Manifests render(UnaryOperator<TemplateCommand> values) {
        String text = values.apply(new Helm(CHART).template().withName(RELEASE)).call();
        return new Manifests(RepositoryFiles.documents(text));
    }

    /** Rendered manifests, looked up by kind and name. */
    record Manifests(List<Map<String, Object>> documents) {

        List<String> names(String kind) {
            return documents.stream().filter(document -> kind.equals(document.get("kind")))
                    .map(document -> (String) at(document, "metadata.name")).toList();
        }

        Map<String, Object> get(String kind, String name) {
            return documents.stream()
                    .filter(document -> kind.equals(document.get("kind")) && name.equals(at(document, "metadata.name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names(kind)));
        }

        Map<String, Object> container(String deployment) {
            List<Object> containers = list(at(get("Deployment", deployment), "spec.template.spec.containers"), "containers");
            assertThat(containers).as(deployment).hasSize(1);
            return map(containers.get(0), deployment + " container");
        }

        /** The container's env entries with a plain value, as name -> value. */
        Map<String, Object> env(String deployment) {
            return list(container(deployment).get("env"), deployment + " env").stream()
                    .map(entry -> map(entry, "env entry")).filter(entry -> entry.containsKey("value"))
                    .collect(Collectors.toMap(entry -> (String) entry.get("name"), entry -> entry.get("value")));
        }

        Map<String, Object> envEntry(String deployment, String name) {
            return list(container(deployment).get("env"), deployment + " env").stream()
                    .map(entry -> map(entry, "env entry")).filter(entry -> name.equals(entry.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError(deployment + ": no env " + name));
        }
    }
}
