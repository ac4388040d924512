package io.synergy.cli.bench;

import io.synergy.cli.demo.AppStats;
import io.synergy.cli.demo.DemoApp;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.WireTensor;
import io.synergy.contracts.topic.Topic;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.zoo.Zoo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closed-loop load through the stack's Kafka contract, with plain clients and no HTTP: per app, one
 * sender thread keeps at most {@code perApp} {@link io.synergy.contracts.inference.InferenceRequested}
 * records outstanding on {@code synergy.inference.requests} (key: request id), and one reader counts the
 * outcomes on {@code synergy.inference.results} (exactly one per request, written by the executor). The
 * inputs are seeded samples of each app's model, as the HTTP driver's. An outcome that does not come
 * within the requests' timeout plus a margin is given up ({@link ClosedLoopLedger#giveUpOlderThan}), so
 * the loop never stalls. {@link #close} stops sending and waits, bounded, for the outstanding answers, so
 * the stack is left with nothing of ours in flight.
 */
public final class KafkaLoadDriver implements AutoCloseable {

    private static final int SAMPLE_INPUTS = 4;
    private static final Duration ROOM_PATIENCE = Duration.ofMillis(200);
    private static final Duration POLL = Duration.ofMillis(200);
    /** After the requests' timeout the executor answers DEADLINE_EXCEEDED; this much later we stop waiting. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(10);
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final List<DemoApp> apps;
    private final ClosedLoopLedger ledger;
    private final Duration requestTimeout;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, List<RequestTemplate>> templates = new LinkedHashMap<>();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicLong numbers = new AtomicLong();
    private final List<Thread> senders = new ArrayList<>();
    private final Thread reader;

    /**
     * @param bootstrapServers the stack's broker
     * @param perApp           requests each app keeps outstanding, >= 1
     * @param requestTimeout   each request's {@code timeoutMillis}; also bounds how long an answer is awaited
     */
    public KafkaLoadDriver(String bootstrapServers, List<DemoApp> apps, int perApp, Duration requestTimeout) {
        this.apps = List.copyOf(apps);
        this.ledger = new ClosedLoopLedger(apps.stream().map(DemoApp::id).toList(), perApp);
        this.requestTimeout = requestTimeout;
        String run = "timing-" + Long.toString(System.currentTimeMillis(), 36);
        Instant now = Instant.now();
        for (DemoApp app : apps) {
            List<RequestTemplate> forApp = new ArrayList<>();
            for (int seed = 0; seed < SAMPLE_INPUTS; seed++) {
                forApp.add(new RequestTemplate(run, app.id(), wire(Zoo.randomInput(app.model(), seed)),
                        requestTimeout.toMillis(), now));
            }
            templates.put(app.id(), forApp);
        }
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.reader = new Thread(this::read, "timing-results");
        reader.setDaemon(true);
        for (DemoApp app : apps) {
            Thread sender = new Thread(() -> send(app.id()), "timing-requests-" + app.id());
            sender.setDaemon(true);
            senders.add(sender);
        }
    }

    /** Positions the reader at the end of the results topic, then starts reading and sending. */
    public void start() {
        List<TopicPartition> partitions = consumer.partitionsFor(Topic.INFERENCE_RESULTS.topicName(), Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException(Topic.INFERENCE_RESULTS.topicName() + ": no partitions (is the executor up?)");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30))); // resolve now: answers come after this
        reader.start();
        senders.forEach(Thread::start);
    }

    /** Per app: completions (latency from send to outcome read) and failures. */
    public Map<String, AppStats> stats() {
        return ledger.stats();
    }

    /** Requests of {@code appId} given up without an answer. */
    public long unanswered(String appId) {
        return ledger.unanswered(appId);
    }

    private void send(String appId) {
        List<RequestTemplate> forApp = templates.get(appId);
        int next = 0;
        try {
            while (sending.get()) {
                if (!ledger.awaitRoom(appId, ROOM_PATIENCE)) {
                    continue;
                }
                RequestTemplate template = forApp.get(next++ % forApp.size());
                String id = RequestTemplate.requestId(template.prefix(), numbers.getAndIncrement());
                byte[] value = template.value(id, new UUID(ThreadLocalRandom.current().nextLong(),
                        ThreadLocalRandom.current().nextLong()));
                ledger.sent(id, appId, System.nanoTime());
                try {
                    producer.send(new ProducerRecord<>(Topic.INFERENCE_REQUESTS.topicName(),
                            id.getBytes(StandardCharsets.UTF_8), value), (metadata, failure) -> {
                        if (failure != null) {
                            ledger.notSent(id);
                        }
                    });
                } catch (RuntimeException e) {
                    ledger.notSent(id);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        Duration patience = requestTimeout.plus(ANSWER_MARGIN);
        try {
            while (reading.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.key() == null || record.value() == null) {
                        continue;
                    }
                    String type = outcomeType(record.value());
                    if (type != null) {
                        ledger.answered(new String(record.key(), StandardCharsets.UTF_8),
                                InferenceCompleted.class.getSimpleName().equals(type), System.nanoTime());
                    }
                }
                ledger.giveUpOlderThan(patience, System.nanoTime());
            }
        } catch (WakeupException e) {
            // close() is stopping the reader
        }
    }

    /**
     * The event type of a results-topic value ({@code InferenceCompleted} or {@code InferenceFailed}),
     * read without decoding the output tensor: the envelope's {@code type} comes before its {@code event}.
     * Null for anything else (another type, or a value that is not an envelope).
     */
    static String outcomeType(byte[] value) {
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("type".equals(name) && token == JsonToken.VALUE_STRING) {
                    String type = parser.getString();
                    return InferenceCompleted.class.getSimpleName().equals(type)
                            || InferenceFailed.class.getSimpleName().equals(type) ? type : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * Stops sending, waits up to the requests' timeout plus a margin for the outstanding answers (so
     * nothing of ours is left in flight), then closes the clients.
     */
    @Override
    public void close() {
        sending.set(false);
        for (Thread sender : senders) {
            join(sender, CLOSE_PATIENCE);
        }
        producer.close(CLOSE_PATIENCE);
        long deadline = System.nanoTime() + requestTimeout.plus(ANSWER_MARGIN).toNanos();
        while (ledger.outstanding() > 0 && System.nanoTime() < deadline && reader.isAlive()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        reading.set(false);
        consumer.wakeup();
        join(reader, CLOSE_PATIENCE);
        if (!reader.isAlive()) {
            consumer.close(CLOSE_PATIENCE);
        }
    }

    /** Outstanding requests left when {@link #close} stopped waiting (0 after a clean stop). */
    public int outstanding() {
        return ledger.outstanding();
    }

    private static void join(Thread thread, Duration patience) {
        try {
            thread.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static WireTensor wire(Int8Tensor tensor) {
        return new WireTensor(TensorDatatype.INT8, Arrays.stream(tensor.shape().toArray()).boxed().toList(),
                tensor.toIntArray());
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "synergy-bench-timing");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        return config;
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "synergy-bench-timing-results");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}
