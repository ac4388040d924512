package io.synergy.core.zoo;

import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The eight models of the Synergy paper's evaluation, by their CLI names: the real architectures with
 * deterministic generated parameters. {@link #model} draws the weights ({@link GeneratedWeights}) and
 * then chooses biases and output shifts by running the emulator on a seeded calibration input
 * ({@link ShiftCalibration}); the result depends only on the name. Calibration costs one emulated
 * inference, so each model is built once per JVM and then shared (models are immutable).
 */
public final class Zoo {

    private static final Map<String, Supplier<Network>> ARCHITECTURES = architectures();
    private static final Map<String, Model> BUILT = new ConcurrentHashMap<>();

    private Zoo() {
    }

    /** The zoo names, in the order of the paper's evaluation. */
    public static List<String> names() {
        return List.copyOf(ARCHITECTURES.keySet());
    }

    /**
     * The network of a zoo model, with its calibrated output shifts.
     *
     * @throws UnknownZooModelException listing the known names
     */
    public static Network network(String name) {
        return model(name).network();
    }

    /**
     * A zoo model with its generated weights, biases and calibrated output shifts.
     *
     * @throws UnknownZooModelException listing the known names
     */
    public static Model model(String name) {
        Supplier<Network> architecture = lookup(name);
        return BUILT.computeIfAbsent(name, n -> ShiftCalibration.calibrate(architecture.get()));
    }

    /**
     * A seeded input for a zoo model: int8 values drawn uniformly from [-128, 127] over the model's
     * input shape (C x H x W, or C x L x 1). The same name and seed give the same tensor.
     *
     * @throws UnknownZooModelException listing the known names
     */
    public static Int8Tensor randomInput(String name, long seed) {
        return randomInput(lookup(name).get().inputShape(), seed);
    }

    static Int8Tensor randomInput(Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] values = new byte[shape.elements()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) random.nextInt(Byte.MIN_VALUE, Byte.MAX_VALUE + 1);
        }
        return Int8Tensor.wrap(shape, values);
    }

    /**
     * The architecture alone, as written down: every output shift 0. It is free to build and enough
     * for shapes, resources and cycles, which do not depend on parameters.
     *
     * @throws UnknownZooModelException listing the known names
     */
    public static Network architecture(String name) {
        return lookup(name).get();
    }

    private static Supplier<Network> lookup(String name) {
        Supplier<Network> architecture = name == null ? null : ARCHITECTURES.get(name);
        if (architecture == null) {
            throw new UnknownZooModelException(name, names());
        }
        return architecture;
    }

    private static Map<String, Supplier<Network>> architectures() {
        Map<String, Supplier<Network>> byName = new LinkedHashMap<>();
        byName.put("convnet5", ZooArchitectures::convnet5);
        byName.put("kws", ZooArchitectures::kws);
        byName.put("simplenet", ZooArchitectures::simplenet);
        byName.put("widenet", ZooArchitectures::widenet);
        byName.put("ressimplenet", ZooArchitectures::ressimplenet);
        byName.put("efficientnetv2", ZooArchitectures::efficientnetv2);
        byName.put("mobilenetv2-0.75", ZooArchitectures::mobilenetv2);
        byName.put("unet-large", ZooArchitectures::unetLarge);
        return Collections.unmodifiableMap(byName);
    }
}
