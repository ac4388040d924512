package io.synergy.bench;

import io.synergy.core.accelerator.Emulator;
import io.synergy.core.network.Activations;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.zoo.Zoo;
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

/**
 * One whole-model inference on the emulator, per zoo model, on one thread. Sample-time mode, so
 * the report can take the median of individual inference times (the host is shared and noisy).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EmulatorBenchmark {

    /** Fixed so that every run benchmarks the same input. */
    static final long SEED = 20261127L;

    @Param({"convnet5", "kws", "simplenet", "widenet", "ressimplenet", "efficientnetv2", "mobilenetv2-0.75",
            "unet-large"})
    public String model;

    private Emulator emulator;
    private Int8Tensor input;

    @Setup
    public void setUp() {
        emulator = new Emulator(Zoo.model(model));
        input = Zoo.randomInput(model, SEED);
    }

    @Benchmark
    public Activations inference() {
        return emulator.run(input);
    }
}
