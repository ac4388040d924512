package io.synergy.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One process of the local stack: the Kafka broker and the five services, in start order. Each knows
 * its Maven module (where its jar is built) and how to tell that it is ready.
 */
public enum StackComponent {

    BROKER("synergy-broker", "kafka", 9092),
    REGISTRY("registry-service", "registry", 8081),
    PLANNER("planner-service", "planner", 8082),
    EXECUTOR("executor-service", "executor", 8083),
    GATEWAY("device-gateway", "gateway", 8084),
    API("api-gateway", "api", 8080);

    private final String module;
    private final String shortName;
    private final int defaultPort;

    StackComponent(String module, String shortName, int defaultPort) {
        this.module = module;
        this.shortName = shortName;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    /** The name used for its log and pid files. */
    public String shortName() {
        return shortName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static List<StackComponent> services() {
        return List.of(REGISTRY, PLANNER, EXECUTOR, GATEWAY, API);
    }

    /**
     * The runnable jar Maven built for this component under {@code repository}: the broker's
     * {@code synergy-broker.jar} (with its {@code lib/}), or a service's Spring Boot jar.
     */
    public Optional<Path> jar(Path repository) {
        Path target = repository.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(module) && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                        && !name.endsWith("-tests.jar") && !name.endsWith("-plain.jar");
            }).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
