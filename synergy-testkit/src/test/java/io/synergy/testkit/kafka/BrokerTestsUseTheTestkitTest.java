package io.synergy.testkit.kafka;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the reactor to one rule: a test that needs Kafka gets its broker from this module
 * ({@link KafkaBroker}: Testcontainers where Docker runs, the embedded KRaft broker otherwise), so
 * every broker test runs against the container wherever one is possible. Read from the test sources
 * of every module; synergy-broker (whose tests test the embedded broker itself) and this module are
 * the exceptions.
 */
class BrokerTestsUseTheTestkitTest {

    private static final Set<String> EXEMPT_MODULES = Set.of("synergy-broker", "synergy-testkit");

    /** Ways of starting a broker without the testkit. */
    private static final List<Pattern> OWN_BROKER = List.of(
            Pattern.compile("\\bKraftBroker\\b"),                  // synergy-broker's embedded broker
            Pattern.compile("\\bBrokerCommand\\b"),                // ... as a process
            Pattern.compile("start\\(\\s*StackComponent\\.BROKER"), // ... through the CLI's launcher
            Pattern.compile("org\\.testcontainers\\."),            // a container of one's own
            Pattern.compile("\\bEmbeddedKafka"));                  // spring-kafka-test's broker

    /** A test that names bootstrap servers must have them from a testkit broker. */
    private static final Pattern USES_KAFKA = Pattern.compile("BOOTSTRAP_SERVERS_CONFIG|binder\\.brokers=");
    private static final String TESTKIT = "io.synergy.testkit.kafka";

    @Test
    void everyTestOnKafkaGetsItsBrokerFromTheTestkit() {
        List<String> offenders = new ArrayList<>();
        for (Path source : testSources()) {
            String text = read(source);
            for (Pattern pattern : OWN_BROKER) {
                if (pattern.matcher(text).find()) {
                    offenders.add(repository().relativize(source) + ": starts a broker of its own (" + pattern + ")");
                }
            }
            if (USES_KAFKA.matcher(text).find() && !text.contains(TESTKIT)) {
                offenders.add(repository().relativize(source) + ": names Kafka bootstrap servers but no testkit broker");
            }
        }
        assertThat(offenders).as("use io.synergy.testkit.kafka.KafkaBroker (or KafkaBrokerExtension) instead").isEmpty();
    }

    @Test
    void theRuleSeesTheServicesBrokerTests() {
        // guards the scan itself: if it found no test here, the rule above would hold vacuously
        assertThat(testSources()).extracting(source -> source.getFileName().toString())
                .contains("RegistryIT.java", "PlannerIT.java", "ExecutorServiceIT.java", "GatewayIT.java");
    }

    private static Path repository() {
        return Path.of(System.getProperty("synergy.repository", "..")).toAbsolutePath().normalize();
    }

    /** The Java test sources of every module except the exempt ones. */
    private static List<Path> testSources() {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repository())) {
            for (Path module : modules.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml"))).toList()) {
                Path tests = module.resolve("src/test/java");
                if (EXEMPT_MODULES.contains(module.getFileName().toString()) || !Files.isDirectory(tests)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(tests)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the test sources under " + repository() + ": " + e.getMessage(), e);
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
