package io.synergy.bench;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.inference.InferenceRequestEvent;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.WireTensor;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.zoo.Zoo;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON codec of the Kafka contract on an inference request carrying a zoo model's input, the
 * message the executor reads once per Kafka request (results carry an output tensor the same way).
 * {@code encode}/{@code decode} are {@link EventCodec}; {@code treeEncode}/{@code treeDecode} do the
 * same through a JSON tree (one node per tensor element), as the codec did before it streamed, kept
 * here as the reference the codec is measured against in the same JVM and under the same load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EventCodecBenchmark {

    private static final JsonMapper TREE = JsonMapper.builder().build();

    /** kws: 16,384 elements; efficientnetv2: 3,072; unet-large: 110,592. */
    @Param({"kws", "efficientnetv2", "unet-large"})
    public String model;

    private final EventCodec<InferenceRequestEvent> codec = EventCodec.of(InferenceRequestEvent.class);
    private Envelope<InferenceRequestEvent> envelope;
    private byte[] value;

    @Setup
    public void setUp() {
        Int8Tensor input = Zoo.randomInput(model, EmulatorBenchmark.SEED);
        WireTensor wire = new WireTensor(TensorDatatype.INT8, Arrays.stream(input.shape().toArray()).boxed().toList(),
                input.toIntArray());
        envelope = Envelope.of(new InferenceRequested("bench-1", model, wire, 0), Clock.systemUTC());
        value = codec.encode(envelope);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(envelope);
    }

    @Benchmark
    public Envelope<InferenceRequestEvent> decode() {
        return codec.decode(value);
    }

    @Benchmark
    public byte[] treeEncode() {
        ObjectNode root = TREE.createObjectNode();
        root.put("schemaVersion", envelope.schemaVersion());
        root.put("eventId", envelope.eventId().toString());
        root.put("time", envelope.time().toString());
        root.put("correlationId", envelope.correlationId());
        root.put("type", envelope.event().getClass().getSimpleName());
        root.set("event", TREE.valueToTree(envelope.event()));
        return TREE.writeValueAsBytes(root);
    }

    @Benchmark
    public InferenceRequested treeDecode() {
        JsonNode root = TREE.readTree(value);
        return TREE.treeToValue(root.get("event"), InferenceRequested.class);
    }
}
