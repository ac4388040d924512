package io.synergy.cli;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.tensor.Npy;
import io.synergy.core.tensor.Shape;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code synergy model profile}: what a network costs a device, layer by layer, and which devices it
 * fits ({@link ProfileReport}); JSON with {@code --json}, a table otherwise.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Profile a network: per-layer shapes, bytes, MACs and cycles, and whether it fits each device.")
final class ModelProfileCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ModelSource source;

    @Option(names = "--device", defaultValue = "max78000", paramLabel = "DEVICE",
            description = "The device whose cycles are reported: max78000 (default) or max78002.")
    private String device;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @Option(names = "--input", paramLabel = "in.npy",
            description = "With --yaml: an input .npy whose shape is the network's input shape "
                    + "(default: input.npy beside the yaml).")
    private Path input;

    @Option(names = "--input-shape", paramLabel = "CxHxW",
            description = "With --yaml: the input shape, e.g. 3x32x32 or 128x128 (C x L).")
    private String inputShape;

    @Override
    public void run() {
        AcceleratorSpec accelerator = AcceleratorSpec.byName(device);
        ProfileReport report = ProfileReport.of(source.network(source.isZoo() ? null : inputShape()), accelerator);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(report));
        } else {
            printTable(out, report, accelerator);
        }
        out.flush();
    }

    private Shape inputShape() {
        if (inputShape != null) {
            return parseShape(inputShape);
        }
        Path file = input != null ? CliFiles.existing("--input", input) : source.siblingInput();
        if (input == null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--yaml: the input shape is needed; give --input in.npy or "
                    + "--input-shape CxHxW (no input.npy beside " + source.files.yaml + ")");
        }
        return Npy.read(file).shape();
    }

    private static Shape parseShape(String text) {
        try {
            return Shape.of(Arrays.stream(text.trim().split("[xX×,]")).mapToInt(s -> Integer.parseInt(s.trim()))
                    .toArray());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--input-shape: '" + text + "' is not C, CxL or CxHxW with "
                    + "positive sizes");
        }
    }

    private static void printTable(PrintWriter out, ProfileReport report, AcceleratorSpec accelerator) {
        out.printf(Locale.ROOT, "%s on %s%n", report.model(), accelerator.name());
        out.printf(Locale.ROOT, "%5s  %-12s %-15s %-12s %-12s %10s %7s %12s %10s%n", "layer", "name", "op", "in",
                "out", "weight B", "bias B", "MACs", "cycles");
        for (ProfileReport.LayerRow row : report.layers()) {
            out.printf(Locale.ROOT, "%5d  %-12s %-15s %-12s %-12s %10d %7d %12d %10d%n", row.index(),
                    row.name() == null ? "-" : row.name(), row.op(), dims(row.inShape()), dims(row.outShape()),
                    row.weightBytes(), row.biasBytes(), row.macs(), row.cycles());
        }
        out.printf(Locale.ROOT, "total: %d cycles (%.1f us at the %s CNN clock), %d weight bytes, %d bias bytes%n",
                report.totalCycles(), accelerator.clocks().cnnMicros(report.totalCycles()), accelerator.name(),
                report.weightBytes(), report.biasBytes());
        for (Map.Entry<String, ProfileReport.DeviceFit> fit : report.fits().entrySet()) {
            out.printf(Locale.ROOT, "fits %s: %s%n", fit.getKey(), fit.getValue().fits() ? "yes"
                    : "no: " + fit.getValue().violations().stream().map(ProfileReport.Violation::message)
                    .collect(Collectors.joining("; ")));
        }
    }

    private static String dims(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }
}
