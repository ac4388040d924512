package io.synergy.registry.config;

import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Bindable;
import io.synergy.contracts.topic.KafkaConnection;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.registry.application.AppCatalog;
import io.synergy.registry.application.AppRegistry;
import io.synergy.registry.application.DeviceExpiry;
import io.synergy.registry.application.DeviceRegistry;
import io.synergy.registry.application.ImportLimits;
import io.synergy.registry.application.ModelCatalog;
import io.synergy.registry.application.ModelImport;
import io.synergy.registry.application.ModelRegistry;
import io.synergy.registry.messaging.DeviceBinding;
import io.synergy.registry.messaging.DeviceDepartureLog;
import io.synergy.registry.messaging.KafkaClients;
import io.synergy.registry.messaging.StateHealthIndicator;
import io.synergy.registry.messaging.StateLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Wires the core-facing application classes to the Kafka state logs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryConfiguration.class);

    @Bean
    ModelCatalog modelCatalog() {
        return new ModelCatalog();
    }

    @Bean
    AppCatalog appCatalog() {
        return new AppCatalog();
    }

    @Bean
    DeviceRegistry deviceRegistry() {
        return new DeviceRegistry();
    }

    @Bean
    SegmentCostModel segmentCostModel() {
        return new SegmentCostModel();
    }

    /** Plain Kafka clients connect as the binder does: its brokers and the security entries of its configuration. */
    @Bean
    KafkaConnection kafkaConnection(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
                                    Environment environment) {
        return KafkaConnection.of(brokers, Binder.get(environment).bind(KafkaConnection.BINDER_CONFIGURATION,
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    }

    @Bean
    KafkaClients kafkaClients(KafkaConnection connection,
                              @Value("${spring.application.name:registry-service}") String clientId) {
        return new KafkaClients(connection, clientId);
    }

    @Bean
    StateLogs stateLogs(KafkaClients clients, RegistryProperties properties, ModelCatalog models, AppCatalog apps) {
        return new StateLogs(new StateLogs.Settings(clients, properties.writeTimeout(), properties.startTimeout(),
                properties.replicationFactor()), models, apps, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    DeviceDepartureLog deviceDepartureLog(KafkaClients clients, RegistryProperties properties) {
        return new DeviceDepartureLog(clients, properties.writeTimeout(), Clock.systemUTC());
    }

    @Bean
    DeviceExpiry deviceExpiry(DeviceRegistry devices, DeviceDepartureLog departures, RegistryProperties properties) {
        return new DeviceExpiry(devices, departures,
                new DeviceExpiry.Policy(properties.heartbeatInterval(), properties.missedHeartbeats()));
    }

    /** Sweeps for silent devices once per heartbeat interval, on one daemon thread; stopped with the context. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService deviceExpirySweeper(DeviceExpiry expiry, RegistryProperties properties) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "device-expiry");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = properties.heartbeatInterval().toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                List<String> expired = expiry.sweep();
                if (!expired.isEmpty()) {
                    LOG.info("devices expired after missed heartbeats: {}", expired);
                }
            } catch (RuntimeException e) {
                LOG.warn("device expiry sweep failed; next one in {} ms: {}", periodMillis, e.getMessage());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return sweeper;
    }

    /** The {@code fleet-in-0} binding: synergy.devices from its first offset into the device registry. */
    @Bean
    Consumer<Message<?>> fleet(DeviceRegistry devices) {
        return new DeviceBinding(devices);
    }

    @Bean
    StateHealthIndicator registryStateHealthIndicator(StateLogs logs) {
        return new StateHealthIndicator(logs);
    }

    @Bean
    ModelImport modelImport(RegistryProperties properties) {
        return new ModelImport(new ImportLimits(properties.maxYamlSize().toBytes(),
                properties.maxCheckpointSize().toBytes(), properties.maxPackageSize().toBytes()));
    }

    @Bean
    ModelRegistry modelRegistry(ModelCatalog models, AppCatalog apps, StateLogs logs, ModelImport modelImport,
                                SegmentCostModel costs) {
        return new ModelRegistry(models, apps, logs.models(), modelImport, costs);
    }

    @Bean
    AppRegistry appRegistry(AppCatalog apps, ModelCatalog models, DeviceRegistry devices, StateLogs logs,
                            RegistryProperties properties) {
        Set<String> capabilities = new HashSet<>();
        properties.capabilities().forEach(c -> capabilities.add(c.toLowerCase(Locale.ROOT)));
        return new AppRegistry(apps, models, devices, capabilities, logs.apps());
    }
}
