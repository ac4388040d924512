package io.synergy.bench;

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
 * Runs {@link PlanningBenchmark} and prints the planning-time scaling table: per fleet size the median,
 * p90 and max planning time of the Synergy planner.
 *
 * <p>Usage: {@code java -cp synergy-bench/target/benchmarks.jar io.synergy.bench.PlanningBench [8x4 100x20 ...]}
 */
public final class PlanningBench {

    private PlanningBench() {
    }

    public static void main(String[] args) throws RunnerException {
        String[] fleets = args.length > 0 ? args : new String[] {"s30-body-8d-4a", "8x4", "32x8", "100x20", "300x50", "1000x100"};
        Options options = new OptionsBuilder()
                .include(PlanningBenchmark.class.getName() + ".plan")
                .param("fleet", fleets)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<String> lines = new ArrayList<>();
        lines.add("| devices x apps | median ms | p90 ms | max ms | samples |");
        lines.add("| --- | ---: | ---: | ---: | ---: |");
        for (RunResult result : results) {
            var stats = result.getPrimaryResult().getStatistics();
            lines.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d |",
                    result.getParams().getParam("fleet"), stats.getPercentile(50), stats.getPercentile(90),
                    stats.getMax(), stats.getN()));
        }
        System.out.println();
        lines.forEach(System.out::println);
    }
}
