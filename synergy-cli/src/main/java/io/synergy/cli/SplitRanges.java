package io.synergy.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --split} argument: contiguous layer ranges {@code a-b} (layers [a, b), b exclusive),
 * comma-separated, that together cover the network from layer 0 to its last layer, e.g. {@code 0-5,5-9}.
 */
record SplitRanges(List<Range> ranges) {

    /** Layers [from, to). */
    record Range(int from, int to) {
        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    SplitRanges {
        ranges = List.copyOf(ranges);
    }

    static SplitRanges whole(int layers) {
        return new SplitRanges(List.of(new Range(0, layers)));
    }

    /**
     * @throws IllegalArgumentException naming the first range that is malformed, empty, out of order
     *                                  or leaves a gap, and the layer count to cover
     */
    static SplitRanges parse(String text, int layers) {
        List<Range> ranges = new ArrayList<>();
        int expectedFrom = 0;
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            int dash = p.indexOf('-');
            if (dash < 1) {
                throw notARange(p);
            }
            Range range;
            try {
                range = new Range(Integer.parseInt(p.substring(0, dash).trim()),
                        Integer.parseInt(p.substring(dash + 1).trim()));
            } catch (NumberFormatException e) {
                throw notARange(p);
            }
            if (range.from() != expectedFrom) {
                throw new IllegalArgumentException("--split: range " + range + " must start at layer " + expectedFrom
                        + " (ranges are contiguous and start at 0)");
            }
            if (range.to() <= range.from() || range.to() > layers) {
                throw new IllegalArgumentException("--split: range " + range + " must end after its start and at "
                        + "most at " + layers + " (the network has " + layers + " layers)");
            }
            ranges.add(range);
            expectedFrom = range.to();
        }
        if (expectedFrom != layers) {
            throw new IllegalArgumentException("--split: the ranges end at layer " + expectedFrom + ", but the network "
                    + "has " + layers + " layers; the last range must end at " + layers);
        }
        return new SplitRanges(ranges);
    }

    private static IllegalArgumentException notARange(String part) {
        return new IllegalArgumentException("--split: '" + part + "' is not a range a-b (layers [a, b))");
    }
}
