package io.synergy.cli;

import java.util.List;
import java.util.Locale;

/** The comparison as Markdown tables: per scenario the joint throughputs, then the mean ratios. */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static String markdown(List<PlannerComparison.Row> rows) {
        List<String> baselines = PlannerComparison.baselines();
        StringBuilder s = new StringBuilder();
        s.append("| scenario | dev | apps | synergy |");
        baselines.forEach(b -> s.append(' ').append(b).append(" |"));
        s.append(" optimum | bound | sim/est |\n|---|---|---|---|");
        baselines.forEach(b -> s.append("---|"));
        s.append("---|---|---|\n");
        for (PlannerComparison.Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %d | %s |", r.scenario().name(),
                    r.scenario().devices().size(), r.scenario().apps().size(), number(r.synergy())));
            for (String b : baselines) {
                s.append(' ').append(number(r.throughput().get(b))).append(" |");
            }
            s.append(' ').append(r.optimum() == null ? "-" : number(r.optimum())).append(" | ")
                    .append(number(r.bound())).append(" | ")
                    .append(r.synergy() > 0 ? String.format(Locale.ROOT, "%.3f", r.simulated() / r.synergy()) : "-")
                    .append(" |\n");
        }
        s.append("\n| Synergy vs | ratio of means | arithmetic mean ratio | geometric mean ratio | baseline 0 |\n");
        s.append("|---|---|---|---|---|\n");
        for (String b : baselines) {
            appendRatios(s, b, PlannerComparison.ratios(rows, List.of(b)));
        }
        appendRatios(s, "all baselines", PlannerComparison.ratios(rows, baselines));
        return s.toString();
    }

    private static void appendRatios(StringBuilder s, String name, PlannerComparison.Ratios r) {
        s.append(String.format(Locale.ROOT, "| %s | %.2fx | %.2fx | %.2fx | %d of %d |%n", name, r.ratioOfMeans(),
                r.arithmeticMean(), r.geometricMean(), r.baselineZero(), r.finite() + r.baselineZero()));
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
