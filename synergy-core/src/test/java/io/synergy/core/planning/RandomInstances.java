package io.synergy.core.planning;

import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.LinkPreset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random fleets and apps over {@link TestNetworks} and {@link TestCostModel}. */
public final class RandomInstances {

    public final VirtualComputingSpace space;
    public final List<App> apps;

    private RandomInstances(VirtualComputingSpace space, List<App> apps) {
        this.space = space;
        this.apps = apps;
    }

    /**
     * A fleet of {@code devices} devices (random types, links and capabilities; some device always has a
     * camera, a microphone, a display and a speaker) and {@code appCount} apps of random networks.
     */
    public static RandomInstances of(long seed, int devices, int appCount, int maxConv) {
        Random random = new Random(seed);
        LinkPreset[] links = {LinkPreset.BLE_1M, LinkPreset.BLE_2M, LinkPreset.UART, LinkPreset.SPI, LinkPreset.WIFI};
        Capability[] all = Capability.values();
        List<Set<Capability>> caps = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            Set<Capability> set = EnumSet.noneOf(Capability.class);
            for (Capability c : all) {
                if (random.nextInt(4) == 0) {
                    set.add(c);
                }
            }
            caps.add(set);
        }
        for (Capability c : List.of(Capability.CAMERA, Capability.MICROPHONE, Capability.DISPLAY, Capability.SPEAKER)) {
            caps.get(random.nextInt(devices)).add(c);
        }
        List<Device> fleet = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            String type = random.nextInt(3) == 0 ? TestCostModel.MAX78002 : TestCostModel.MAX78000;
            fleet.add(new Device("d" + d, type, caps.get(d), links[random.nextInt(links.length)].link()));
        }
        VirtualComputingSpace space = VirtualComputingSpace.of(new TestCostModel(), fleet);
        List<App> apps = new ArrayList<>();
        for (int a = 0; a < appCount; a++) {
            Capability source = random.nextBoolean() ? Capability.CAMERA : Capability.MICROPHONE;
            Capability target = random.nextBoolean() ? Capability.DISPLAY : Capability.SPEAKER;
            String name = "net" + seed + "-" + a;
            apps.add(new App("app" + a, name, TestNetworks.random(name, seed * 31 + a, maxConv), source, target,
                    random.nextInt(4) == 0 ? 2.0 : 1.0));
        }
        return new RandomInstances(space, apps);
    }
}
