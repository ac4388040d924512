package io.synergy.deploy;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.synergy.deploy.RepositoryFiles.at;
import static io.synergy.deploy.RepositoryFiles.list;
import static io.synergy.deploy.RepositoryFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as the specification of the containerised stack. CI also runs
 * {@code docker-compose config -q} on it (a real parser of the Compose format); this test pins what
 * the file must say: which services, built from which module, on which ports, in which start order,
 * with which health checks, and what the demo profile adds.
 */
class ComposeFileTest {

    /** Compose service name = Maven module = the image's name. */
    static final List<String> SERVICES = List.of("registry-service", "planner-service", "executor-service",
            "device-gateway", "api-gateway");

    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() {
        Path file = RepositoryFiles.resolve("docker-compose.yml");
        services = map(RepositoryFiles.yaml(file).get("services"), "services");
    }

    @Test
    void definesKafkaTheFiveServicesAndTheDemoGatewayAndNothingElse() {
        Set<String> expected = new HashSet<>(SERVICES);
        expected.add("kafka");
        expected.add("device-gateway-wearable");
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void kafkaIsTheOfficialImageOfTheClientsVersionInKraftModeWithAHealthCheck() {
        Map<String, Object> kafka = service("kafka");
        assertThat(kafka.get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        Map<String, Object> env = environment("kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka:9093");
        assertThat(env).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        // the services reach it as kafka:9092 on the compose network
        assertThat((String) env.get("KAFKA_ADVERTISED_LISTENERS")).contains("INTERNAL://kafka:9092");
        assertThat(healthTestText("kafka")).contains("kafka-broker-api-versions.sh --bootstrap-server kafka:9092");
    }

    @Test
    void everyServiceIsBuiltFromItsOwnModuleByTheRepositorysDockerfile() {
        assertThat(RepositoryFiles.resolve("Dockerfile")).isRegularFile();
        for (String name : servicesAndDemoGateway()) {
            Map<String, Object> build = map(at(service(name), "build"), name + ".build");
            String module = (String) map(build.get("args"), name + ".build.args").get("MODULE");
            assertThat(build.get("context")).as(name).isEqualTo(".");
            assertThat(RepositoryFiles.resolve(module).resolve("pom.xml")).as(name).isRegularFile();
            assertThat(service(name).get("image")).as(name).isEqualTo("synergy/" + module + ":${SYNERGY_TAG:-latest}");
        }
    }

    @Test
    void everyServiceListensBeyondLoopbackOnItsApplicationPort() throws Exception {
        for (String name : servicesAndDemoGateway()) {
            String module = (String) at(service(name), "build.args.MODULE");
            String port = Integer.toString(applicationPort(module));
            Map<String, Object> env = environment(name);
            assertThat(env.get("SERVER_ADDRESS")).as(name).isEqualTo("0.0.0.0");
            assertThat(env.get("SERVER_PORT")).as(name).isEqualTo(port);
            assertThat(at(service(name), "build.args.PORT")).as(name).isEqualTo(port);
            assertThat(healthTest(name)).as(name).containsExactly("CMD", "curl", "-fsS",
                    "http://127.0.0.1:" + port + "/actuator/health/readiness");
        }
    }

    @Test
    void everyServiceOnKafkaFindsItOnTheComposeNetworkAndStartsOnlyOnceItIsHealthy() {
        for (String name : servicesAndDemoGateway()) {
            if (name.equals("api-gateway")) {
                continue; // speaks HTTP only
            }
            assertThat(environment(name).get("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS")).as(name).isEqualTo("kafka:9092");
            assertThat(dependsOn(name)).as(name).containsEntry("kafka", "service_healthy");
        }
    }

    @Test
    void theApiGatewayRoutesToTheServicesByNameAndStartsOnceTheyAreHealthy() {
        Map<String, Object> env = environment("api-gateway");
        assertThat(env).containsEntry("SYNERGY_API_REGISTRYURI", "http://registry-service:8081")
                .containsEntry("SYNERGY_API_PLANNERURI", "http://planner-service:8082")
                .containsEntry("SYNERGY_API_EXECUTORURI", "http://executor-service:8083");
        assertThat(dependsOn("api-gateway")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "registry-service", "service_healthy", "planner-service", "service_healthy",
                "executor-service", "service_healthy"));
    }

    @Test
    void theApiKeyHashesComeFromTheEnvironmentFileAndAreRequired() {
        assertThat(environment("api-gateway").get("SYNERGY_API_KEYS_ADMIN")).asString()
                .startsWith("${SYNERGY_API_KEYS_ADMIN:?");
        assertThat(environment("api-gateway").get("SYNERGY_API_KEYS_INFERENCE")).asString()
                .startsWith("${SYNERGY_API_KEYS_INFERENCE:?");
        assertThat(RepositoryFiles.resolve(".env.example")).content()
                .contains("SYNERGY_API_KEYS_ADMIN=", "SYNERGY_API_KEYS_INFERENCE=");
    }

    @Test
    void onlyTheApiGatewayAndKafkasExternalListenerArePublishedAndOnlyOnLoopback() {
        Map<String, List<Object>> published = services.entrySet().stream()
                .filter(entry -> map(entry.getValue(), entry.getKey()).containsKey("ports"))
                .collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> list(map(entry.getValue(), entry.getKey()).get("ports"), entry.getKey() + ".ports")));
        assertThat(published).containsOnlyKeys("api-gateway", "kafka");
        assertThat(published.get("api-gateway")).containsExactly("127.0.0.1:${SYNERGY_API_PORT:-8080}:8080");
        assertThat(published.get("kafka")).containsExactly("127.0.0.1:${SYNERGY_KAFKA_PORT:-9094}:9094");
        assertThat((String) environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("EXTERNAL://localhost:${SYNERGY_KAFKA_PORT:-9094}");
    }

    @Test
    void theDemoProfileAloneAddsASecondGatewayWithTheWearableFleet() {
        assertThat(service("device-gateway-wearable").get("profiles")).isEqualTo(List.of("demo"));
        assertThat(environment("device-gateway-wearable")).containsEntry("SPRING_PROFILES_ACTIVE", "wearable");
        for (String name : services.keySet()) {
            if (!name.equals("device-gateway-wearable")) {
                assertThat(service(name)).as(name).doesNotContainKey("profiles");
            }
        }
    }

    @Test
    void theDefaultFleetSharesNoDeviceIdAndNoGatewayIdWithTheWearableFleet() {
        Map<String, Object> env = environment("device-gateway");
        Set<Object> composeDevices = env.entrySet().stream()
                .filter(entry -> entry.getKey().matches("SYNERGY_GATEWAY_DEVICES_\\d+_ID"))
                .map(Map.Entry::getValue).collect(Collectors.toSet());
        Map<String, Object> wearable = RepositoryFiles.yaml(
                RepositoryFiles.resolve("device-gateway/src/main/resources/application-wearable.yaml"));
        Set<Object> wearableDevices = list(at(wearable, "synergy.gateway.devices"), "wearable devices").stream()
                .map(device -> map(device, "device").get("id")).collect(Collectors.toSet());

        assertThat(composeDevices).hasSize(2).doesNotContainAnyElementsOf(wearableDevices);
        assertThat(env.get("SYNERGY_GATEWAY_GATEWAYID")).isNotEqualTo(at(wearable, "synergy.gateway.gateway-id"));
    }

    private static List<String> servicesAndDemoGateway() {
        List<String> names = new java.util.ArrayList<>(SERVICES);
        names.add("device-gateway-wearable");
        return names;
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name), "service " + name);
    }

    private static Map<String, Object> environment(String name) {
        return map(service(name).get("environment"), name + ".environment");
    }

    private static List<Object> healthTest(String name) {
        return list(at(service(name), "healthcheck.test"), name + ".healthcheck.test");
    }

    private static String healthTestText(String name) {
        return String.join(" ", healthTest(name).stream().map(String::valueOf).toList());
    }

    /** depends_on as service -> condition. */
    private static Map<String, Object> dependsOn(String name) {
        return map(service(name).get("depends_on"), name + ".depends_on").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> map(entry.getValue(), "condition").get("condition")));
    }

    /** server.port in the module's application.yml or application.yaml. */
    private static int applicationPort(String module) {
        Path resources = RepositoryFiles.resolve(module).resolve("src/main/resources");
        Path file = Files.isRegularFile(resources.resolve("application.yml")) ? resources.resolve("application.yml")
                : resources.resolve("application.yaml");
        return ((Number) at(RepositoryFiles.yaml(file), "server.port")).intValue();
    }
}
