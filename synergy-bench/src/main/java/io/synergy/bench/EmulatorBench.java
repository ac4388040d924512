package io.synergy.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link EmulatorBenchmark} and reports, per zoo model, the median inference time, inferences
 * per second, GMAC/s and the real-time factor: the modelled MAX78000 time (izer cycles / 50 MHz)
 * divided by the emulator's median wall time on one core. A factor of at least 1 means one core
 * emulates the device at least as fast as the device computes. The report also gives the median
 * thread CPU time of an inference ({@link CpuTimeProbe}, in this JVM after JMH's forks) and the factor
 * it implies: on a host shared with other work, the wall time includes waiting for a core.
 *
 * <p>Usage: {@code java -Dsynergy.shared.dir=../shared -jar synergy-bench/target/benchmarks.jar [model...]}
 */
public final class EmulatorBench {

    private EmulatorBench() {
    }

    public static void main(String[] args) throws RunnerException {
        List<String> models = args.length > 0 ? List.of(args) : ZooModels.names();
        Path zoo = ZooModels.zooDirectory().toAbsolutePath().normalize();
        Options options = new OptionsBuilder()
                .include(EmulatorBenchmark.class.getName() + ".inference")
                .param("model", models.toArray(String[]::new))
                .jvmArgsAppend("-Dsynergy.shared.dir=" + zoo.getParent())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<String> lines = new ArrayList<>();
        lines.add("| model | MACs | MAX78000 ms | wall median ms | wall p90 ms | inferences/s | GMAC/s "
                + "| real-time factor | CPU median ms | real-time factor (CPU) |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (RunResult result : results) {
            String name = result.getParams().getParam("model");
            ZooModel model = ZooModels.load(zoo, name);
            double medianMillis = result.getPrimaryResult().getStatistics().getPercentile(50);
            double p90Millis = result.getPrimaryResult().getStatistics().getPercentile(90);
            double cpuMillis = CpuTimeProbe.medianMillis(model, 5_000_000_000L, 10_000_000_000L, 50);
            double deviceMillis = model.max78000Seconds() * 1e3;
            lines.add(String.format(Locale.ROOT,
                    "| %s | %,d | %.2f | %.3f | %.3f | %.0f | %.2f | %.2f | %.3f | %.2f |", name, model.macs(),
                    deviceMillis, medianMillis, p90Millis, 1e3 / medianMillis, model.macs() / medianMillis / 1e6,
                    deviceMillis / medianMillis, cpuMillis, deviceMillis / cpuMillis));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "host: %d processors, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        lines.forEach(System.out::println);
    }
}
