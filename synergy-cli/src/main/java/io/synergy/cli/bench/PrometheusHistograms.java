package io.synergy.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the buckets of one histogram out of Prometheus' text exposition format
 * ({@code <name>_bucket{...,le="0.005",...} 12.0}), grouped by the value of one label; series that
 * differ only in other labels are added up.
 */
public final class PrometheusHistograms {

    private PrometheusHistograms() {
    }

    /**
     * @param text      a scrape ({@code /actuator/prometheus}); null or empty gives no histograms
     * @param name      the histogram's base name, e.g. {@code synergy_hop_transfer_seconds}
     * @param groupedBy the label to group by, e.g. {@code kind}; a series without it goes under ""
     */
    public static Map<String, CumulativeHistogram> read(String text, String name, String groupedBy) {
        Map<String, TreeMap<Double, Long>> buckets = new LinkedHashMap<>();
        if (text == null) {
            return Map.of();
        }
        String prefix = name + "_bucket{";
        for (String line : text.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            int close = line.lastIndexOf('}');
            if (close < prefix.length()) {
                continue;
            }
            Map<String, String> labels = labels(line.substring(prefix.length(), close));
            String le = labels.get("le");
            String[] rest = line.substring(close + 1).trim().split("\\s+");
            if (le == null || rest.length == 0) {
                continue;
            }
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            long count = Math.round(Double.parseDouble(rest[0]));
            buckets.computeIfAbsent(labels.getOrDefault(groupedBy, ""), group -> new TreeMap<>())
                    .merge(bound, count, Long::sum);
        }
        Map<String, CumulativeHistogram> histograms = new LinkedHashMap<>();
        buckets.forEach((group, counts) -> {
            if (counts.containsKey(Double.POSITIVE_INFINITY)) {
                histograms.put(group, new CumulativeHistogram(counts));
            }
        });
        return histograms;
    }

    /** {@code a="x",b="y\"z",} to a map; backslash escapes as the format defines them. */
    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length()) {
            int equals = text.indexOf('=', at);
            if (equals < 0 || equals + 1 >= text.length() || text.charAt(equals + 1) != '"') {
                break;
            }
            String key = text.substring(at, equals).trim();
            StringBuilder value = new StringBuilder();
            int i = equals + 2;
            for (; i < text.length() && text.charAt(i) != '"'; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            at = i + 1;
            while (at < text.length() && (text.charAt(at) == ',' || text.charAt(at) == ' ')) {
                at++;
            }
        }
        return labels;
    }
}
