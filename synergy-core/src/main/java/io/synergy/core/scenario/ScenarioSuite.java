package io.synergy.core.scenario;

import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.LinkPreset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The scenario suite of the planner comparison, in the spirit of the paper's evaluation: its eight
 * models; fleets of 2 to 8 wearable-like devices mixing MAX78000 and MAX78002, with sensors and outputs
 * spread over them; 1 to 4 concurrent apps; models that fit no single MAX78000 included.
 *
 * <p>Every scenario can be placed: a fleet of fewer than 4 devices that runs a model fitting no
 * MAX78000 gets a MAX78002. The suite is generated deterministically by {@link #generate()} (fixed seed) and kept as files
 * under {@code src/main/resources/scenarios/suite/} so other tools can read it; a test checks that the
 * files are what the generator writes. Regenerate with {@code main(dir)}.
 */
public final class ScenarioSuite {

    /** Classpath folder of the suite files and their index. */
    public static final String RESOURCE_DIR = "scenarios/suite/";
    private static final long SEED = 20_240_116L;

    /** A wearable: its name, sensors and outputs, and whether it is a MAX78002 in a "rich" fleet. */
    private record Archetype(String id, Capability[] capabilities, LinkPreset bodyLink) {
    }

    private static final Archetype[] WEARABLES = {
        new Archetype("glasses", new Capability[] {Capability.CAMERA, Capability.DISPLAY}, LinkPreset.BLE_2M),
        new Archetype("earbud", new Capability[] {Capability.MICROPHONE, Capability.SPEAKER}, LinkPreset.BLE_2M),
        new Archetype("watch", new Capability[] {Capability.DISPLAY, Capability.HAPTIC, Capability.IMU,
            Capability.MICROPHONE}, LinkPreset.BLE_2M),
        new Archetype("pendant", new Capability[] {Capability.CAMERA, Capability.MICROPHONE}, LinkPreset.BLE_2M),
        new Archetype("ring", new Capability[] {Capability.IMU, Capability.HAPTIC}, LinkPreset.BLE_1M),
        new Archetype("earbud2", new Capability[] {Capability.MICROPHONE, Capability.SPEAKER}, LinkPreset.BLE_2M),
        new Archetype("shoe", new Capability[] {Capability.IMU}, LinkPreset.BLE_1M),
        new Archetype("patch", new Capability[] {Capability.IMU}, LinkPreset.BLE_1M),
    };

    private static final String[] VISION = {"convnet5", "simplenet", "widenet", "ressimplenet", "efficientnetv2",
        "mobilenetv2-0.75", "unet-large"};

    /** How the fleet's devices are linked. */
    private enum Wiring { BODY, WIRED, ROOM }

    private ScenarioSuite() {
    }

    /** The suite, in a fixed order. */
    public static List<Scenario> generate() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Scenario> suite = new ArrayList<>();
        int[] fleetSizes = {2, 3, 4, 5, 6, 8};
        String[] models = {"convnet5", "kws", "simplenet", "widenet", "ressimplenet", "efficientnetv2",
            "mobilenetv2-0.75", "unet-large"};
        int index = 0;
        // every model alone, on a small and a mid-size fleet
        for (String model : models) {
            for (int size : new int[] {2, 4}) {
                suite.add(scenario(index++, random, size, List.of(model)));
            }
        }
        // concurrent apps: 2 to 4 models on fleets of 3 to 8 devices
        for (int i = 0; i < 16; i++) {
            int apps = 2 + i % 3;
            int size = fleetSizes[1 + (i % (fleetSizes.length - 1))];
            List<String> chosen = new ArrayList<>();
            for (int a = 0; a < apps; a++) {
                chosen.add(models[(3 * i + 5 * a) % models.length]);
            }
            suite.add(scenario(index++, random, size, chosen));
        }
        return suite;
    }

    private static Scenario scenario(int index, SplittableRandom random, int size, List<String> models) {
        Wiring wiring = index % 5 == 3 ? Wiring.WIRED : index % 5 == 4 ? Wiring.ROOM : Wiring.BODY;
        boolean rich = random.nextInt(3) > 0;
        List<Device> devices = new ArrayList<>();
        for (int d = 0; d < size; d++) {
            Archetype a = WEARABLES[d];
            boolean max78002 = rich && (d == 2 || random.nextInt(4) == 0);
            LinkPreset link = switch (wiring) {
                case BODY -> a.bodyLink();
                case WIRED -> d % 2 == 0 ? LinkPreset.SPI : LinkPreset.UART;
                case ROOM -> LinkPreset.WIFI;
            };
            devices.add(new Device(a.id(), max78002 ? "max78002" : "max78000",
                    EnumSet.of(a.capabilities()[0], a.capabilities()), link.link()));
        }
        // a model that fits no MAX78000 needs a MAX78002 or enough MAX78000s to split over
        boolean big = models.stream().anyMatch(m -> m.equals("efficientnetv2") || m.startsWith("mobilenetv2"));
        if (big && size < 4 && devices.stream().noneMatch(d -> d.type().equals("max78002"))) {
            Device last = devices.get(size - 1);
            devices.set(size - 1, new Device(last.id(), "max78002", last.capabilities(), last.link()));
        }
        List<AppSpec> apps = new ArrayList<>();
        for (int a = 0; a < models.size(); a++) {
            String model = models.get(a);
            boolean audio = model.equals("kws");
            Capability source = audio ? Capability.MICROPHONE : Capability.CAMERA;
            if (!has(devices, source)) {
                source = has(devices, Capability.CAMERA) ? Capability.CAMERA : Capability.MICROPHONE;
            }
            Capability[] outputs = audio ? new Capability[] {Capability.SPEAKER, Capability.HAPTIC, Capability.DISPLAY}
                    : new Capability[] {Capability.DISPLAY, Capability.HAPTIC, Capability.SPEAKER};
            Capability target = null;
            for (Capability c : outputs) {
                if (target == null && has(devices, c)) {
                    target = c;
                }
            }
            apps.add(new AppSpec(model.replace(".", "") + "-" + a, model, source, target, 1.0));
        }
        String name = String.format(Locale.ROOT, "s%02d-%s-%dd-%da", index, wiring.name().toLowerCase(Locale.ROOT),
                size, models.size());
        long large = devices.stream().filter(d -> d.type().equals("max78002")).count();
        String description = wiring.name().toLowerCase(Locale.ROOT) + " fleet of " + size + " devices ("
                + large + " MAX78002), apps: " + String.join(", ", models);
        return new Scenario(name, description, devices, apps);
    }

    private static boolean has(List<Device> devices, Capability c) {
        for (Device d : devices) {
            if (d.has(c)) {
                return true;
            }
        }
        return false;
    }

    /** The suite as shipped (the resource files), in index order. */
    public static List<Scenario> load() {
        ScenarioReader reader = new ScenarioReader();
        List<Scenario> suite = new ArrayList<>();
        for (String name : resource("index.txt").lines().filter(l -> !l.isBlank()).toList()) {
            suite.add(reader.read(resource(name.trim() + ".yaml"), name.trim()));
        }
        return suite;
    }

    private static String resource(String name) {
        try (InputStream in = ScenarioSuite.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new ScenarioException("scenario suite: resource " + RESOURCE_DIR + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("scenario suite: cannot read " + RESOURCE_DIR + name, e);
        }
    }

    /** Writes the generated suite and its index into a folder. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "synergy-core/src/main/resources/" + RESOURCE_DIR);
        Files.createDirectories(dir);
        ScenarioWriter writer = new ScenarioWriter();
        StringBuilder index = new StringBuilder();
        for (Scenario s : generate()) {
            Files.writeString(dir.resolve(s.name() + ".yaml"), writer.write(s));
            index.append(s.name()).append('\n');
        }
        Files.writeString(dir.resolve("index.txt"), index.toString());
    }
}
