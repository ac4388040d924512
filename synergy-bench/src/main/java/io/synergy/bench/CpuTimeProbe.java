package io.synergy.bench;

import io.synergy.core.accelerator.Emulator;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.zoo.Zoo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The emulator's inference time as the CPU time of the running thread: on a host shared with other
 * work the wall time of a run includes the time the thread waited for a core, its CPU time does not.
 * It is therefore the time one unshared core would take. Median over many runs after a warm-up.
 */
final class CpuTimeProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeProbe() {
    }

    /** Median thread CPU time of one inference in milliseconds. */
    static double medianMillis(ZooModel model, long warmupNanos, long measureNanos, int minRuns) {
        Emulator emulator = new Emulator(model.model());
        Int8Tensor input = Zoo.randomInput(model.name(), EmulatorBenchmark.SEED);
        long warmupEnd = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < warmupEnd) {
            emulator.run(input);
        }
        List<Long> times = new ArrayList<>();
        long end = System.nanoTime() + measureNanos;
        while (System.nanoTime() < end || times.size() < minRuns) {
            long start = THREADS.getCurrentThreadCpuTime();
            emulator.run(input);
            times.add(THREADS.getCurrentThreadCpuTime() - start);
        }
        Collections.sort(times);
        return times.get(times.size() / 2) / 1e6;
    }
}
