package io.synergy.cli;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.Emulator;
import io.synergy.core.accelerator.LayerTrace;
import io.synergy.core.accelerator.ResourceModel;
import io.synergy.core.accelerator.ResourceViolation;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.accelerator.Trace;
import io.synergy.core.network.Activations;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Npy;
import io.synergy.core.tensor.Tensor;
import io.synergy.core.zoo.Zoo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code synergy model run}: emulates a network bit-exactly on its input and writes the output the way
 * the vendor toolchain does. With {@code --split}, each layer range runs on its own emulated device and
 * the tensors crossing a split travel as binary codec bytes, as they would between devices.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a network on emulated MAX7800x devices and write its output as .npy.")
final class ModelRunCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ModelSource source;

    @Option(names = "--input", paramLabel = "in.npy",
            description = "The network input: an .npy of int8 or int64 values in [-128, 127], C x H x W or C x L. "
                    + "Optional with --model (a seeded sample input, see --seed) and when input.npy lies beside --yaml.")
    private Path input;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the sample input of a zoo model run without --input (default 1).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "out.npy",
            description = "Where to write the output (int32 .npy). With several output layers: out_layerNN.npy "
                    + "beside it, one per output layer.")
    private Path out;

    @Option(names = "--device", defaultValue = "max78000", paramLabel = "DEVICE",
            description = "The device each range stands for: max78000 (default) or max78002. A range that "
                    + "does not fit it runs anyway, with a warning.")
    private String device;

    @Option(names = "--split", paramLabel = "a-b,b-c,...",
            description = "Run layer ranges [a, b) on separate emulated devices, e.g. 0-5,5-9.")
    private String split;

    @Option(names = "--dump-layers", paramLabel = "DIR",
            description = "Also write every layer's output as DIR/layerNN.npy.")
    private Path dumpLayers;

    @Option(names = "--json", description = "Print one JSON object (the devices and the files written); the "
            + "per-device lines go to stderr.")
    private boolean json;

    private final SegmentCostModel costModel = new SegmentCostModel();
    private final List<Map<String, Object>> segments = new ArrayList<>();
    private final List<Map<String, Object>> written = new ArrayList<>();

    @Override
    public void run() {
        AcceleratorSpec accelerator = AcceleratorSpec.byName(device);
        Int8Tensor in = input();
        Model model = source.model(in.shape());
        Network network = model.network();
        if (!in.shape().equals(network.inputShape())) {
            throw new IllegalArgumentException("--input: shape " + in.shape() + " does not match the input "
                    + network.inputShape() + " of " + network.name());
        }
        SplitRanges ranges = split == null ? SplitRanges.whole(network.size()) : SplitRanges.parse(split, network.size());
        warnUnlessFits(network, ranges, accelerator);

        byte[] wire = Activations.input(in).encode();
        List<SplitRanges.Range> devices = ranges.ranges();
        for (int d = 0; d < devices.size(); d++) {
            SplitRanges.Range range = devices.get(d);
            Emulator emulator = new Emulator(model);
            Activations received = Activations.decode(wire, network, range.from());
            Activations sent;
            if (dumpLayers != null) {
                Trace trace = emulator.trace(received, range.from(), range.to());
                for (LayerTrace layer : trace.layers()) {
                    ToolchainLayout.write(dumpLayers.resolve(ToolchainLayout.layerFileName(layer.layer())), network,
                            layer.layer(), layer.output());
                }
                sent = trace.result();
            } else {
                sent = emulator.run(received, range.from(), range.to());
            }
            wire = sent.encode();
            reportSegment(network, range, accelerator, d + 1, wire.length);
        }
        writeOutputs(network, Activations.decode(wire, network, network.size()));
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("model", network.name());
            report.put("device", accelerator.name());
            report.put("segments", segments);
            report.put("outputs", written);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(new ObjectMapper().writeValueAsString(report));
            stdout.flush();
        }
    }

    /** Lines for people: stdout, or stderr when stdout carries the JSON object. */
    private PrintWriter lines() {
        return json ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }

    /** The given input; else a zoo model's seeded sample, or the input.npy beside a description. */
    private Int8Tensor input() {
        if (input != null) {
            return Npy.read(CliFiles.existing("--input", input)).toInt8Tensor();
        }
        if (source.isZoo()) {
            return Zoo.randomInput(source.zooName, seed);
        }
        Path sibling = source.siblingInput();
        if (!java.nio.file.Files.isRegularFile(sibling)) {
            throw new IllegalArgumentException("--input: required with --yaml unless input.npy lies beside it ("
                    + sibling + " does not exist)");
        }
        return Npy.read(sibling).toInt8Tensor();
    }

    /** One line per emulated device: its layers and what the cycle model says they cost it. */
    private void reportSegment(Network network, SplitRanges.Range range, AcceleratorSpec accelerator, int device,
                               int sentBytes) {
        String cost;
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("device", device);
        segment.put("accelerator", accelerator.name());
        segment.put("fromLayer", range.from());
        segment.put("toLayer", range.to());
        boolean fits = costModel.fits(network, range.from(), range.to(), accelerator);
        segment.put("fits", fits);
        if (fits) {
            SegmentProfile profile = costModel.profile(network, range.from(), range.to(), accelerator);
            cost = String.format(Locale.ROOT, "%,d CNN cycles = %.3f ms modelled, %.3f ms with input and output",
                    profile.computeCycles(), profile.computeMicros() / 1000, profile.roundMicros() / 1000);
            segment.put("computeCycles", profile.computeCycles());
            segment.put("computeMillis", profile.computeMicros() / 1000);
            segment.put("roundMillis", profile.roundMicros() / 1000);
        } else {
            cost = "does not fit one " + accelerator.name();
        }
        segment.put("sentBytes", sentBytes);
        segments.add(segment);
        PrintWriter stdout = lines();
        stdout.printf(Locale.ROOT, "device %d (%s): layers %s, %s; passes on %,d bytes%n",
                device, accelerator.name(), range, cost, sentBytes);
        stdout.flush();
    }

    private void writeOutputs(Network network, Activations result) {
        PrintWriter stdout = lines();
        List<Integer> outputs = network.outputLayers();
        for (int layer : outputs) {
            Path file = outputs.size() == 1 ? out : ToolchainLayout.outputLayerFile(out, layer);
            Tensor tensor = result.tensor(layer);
            ToolchainLayout.write(file, network, layer, tensor);
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("file", file.toString());
            output.put("layer", layer);
            output.put("shape", tensor.shape().toString());
            output.put("widthBits", tensor.widthBits());
            written.add(output);
            stdout.println("wrote " + file + " (layer " + layer + ", " + tensor.shape() + ", "
                    + tensor.widthBits() + "-bit values as int32)");
        }
        stdout.flush();
    }

    /**
     * Emulation is the same arithmetic on every device, so a range that breaks a limit of the device
     * (as the resource model sees it) still runs; a warning on stderr says which limit. It is not an
     * error because the toolchain runs some networks the resource model would not place as given
     * (streaming inputs, for one).
     */
    private void warnUnlessFits(Network network, SplitRanges ranges, AcceleratorSpec accelerator) {
        ResourceModel resources = new ResourceModel();
        PrintWriter stderr = spec.commandLine().getErr();
        for (SplitRanges.Range range : ranges.ranges()) {
            List<ResourceViolation> violations = resources.check(network, range.from(), range.to(), accelerator);
            if (!violations.isEmpty()) {
                stderr.println("warning: layers " + range + " of " + network.name() + " do not fit one "
                        + accelerator.name() + " (" + violations.stream().map(ResourceViolation::message)
                        .collect(Collectors.joining("; ")) + "); emulating them anyway");
            }
        }
        stderr.flush();
    }
}
