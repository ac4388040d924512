package io.synergy.core.planning;

import io.synergy.core.topology.Device;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One planning instance in index form, shared by every planner, the estimator and the simulator:
 * devices are numbered 0..n-1 in join order, apps 0..a-1 in the given order. Holds what inner loops
 * need without lookups: each app's segment table per device, boundary bytes per split position, and
 * which devices can be its source and target.
 */
public final class PlanningProblem {

    private final VirtualComputingSpace space;
    private final List<App> apps;
    private final Device[] devices;
    private final Map<String, Integer> deviceIndex = new HashMap<>();
    private final ResourceUse[] capacity;
    private final double[] latencyMicros;
    private final double[] microsPerByte;
    private final SegmentTable[][] tables;
    private final long[][] boundaryBytes;
    private final int[][] sources;
    private final int[][] targets;

    private PlanningProblem(VirtualComputingSpace space, List<App> apps) {
        this.space = space;
        this.apps = List.copyOf(apps);
        Set<String> ids = new HashSet<>();
        for (App app : this.apps) {
            if (!ids.add(app.id())) {
                throw new IllegalArgumentException("apps: id " + app.id() + " is used twice");
            }
        }
        List<Device> list = space.devices();
        int n = list.size();
        devices = list.toArray(new Device[0]);
        capacity = new ResourceUse[n];
        latencyMicros = new double[n];
        microsPerByte = new double[n];
        for (int d = 0; d < n; d++) {
            deviceIndex.put(devices[d].id(), d);
            capacity[d] = space.capacity(devices[d]);
            latencyMicros[d] = devices[d].link().latencyMillis() * 1000.0;
            microsPerByte[d] = 8.0 * 1000.0 / devices[d].link().bandwidthKbps();
        }
        int a = this.apps.size();
        tables = new SegmentTable[a][n];
        boundaryBytes = new long[a][];
        sources = new int[a][];
        targets = new int[a][];
        for (int i = 0; i < a; i++) {
            App app = this.apps.get(i);
            Map<String, SegmentTable> byType = new HashMap<>();
            for (int d = 0; d < n; d++) {
                SegmentTable modelled = byType.computeIfAbsent(devices[d].type(),
                        t -> space.segmentTables().table(app.network(), t));
                // a device measured slower or faster than the model is costed as measured
                tables[i][d] = modelled.scaled(space.serviceTimeFactor(devices[d].id()));
            }
            int layers = app.network().size();
            boundaryBytes[i] = new long[layers + 1];
            for (int p = 0; p <= layers; p++) {
                boundaryBytes[i][p] = app.network().boundaryBytes(p);
            }
            sources[i] = withCapability(app.source().id(), app);
            targets[i] = withCapability(app.target().id(), app);
        }
    }

    private int[] withCapability(String capability, App app) {
        List<Integer> found = new ArrayList<>();
        for (int d = 0; d < devices.length; d++) {
            for (var c : devices[d].capabilities()) {
                if (c.id().equals(capability)) {
                    found.add(d);
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    public static PlanningProblem of(VirtualComputingSpace space, List<App> apps) {
        return new PlanningProblem(space, apps);
    }

    public VirtualComputingSpace space() {
        return space;
    }

    public List<App> apps() {
        return apps;
    }

    public App app(int a) {
        return apps.get(a);
    }

    public int appCount() {
        return apps.size();
    }

    public int deviceCount() {
        return devices.length;
    }

    public Device device(int d) {
        return devices[d];
    }

    /** The index of a device id, or -1. */
    public int deviceIndex(String id) {
        Integer i = deviceIndex.get(id);
        return i == null ? -1 : i;
    }

    public ResourceUse capacity(int d) {
        return capacity[d];
    }

    public SegmentTable table(int app, int device) {
        return tables[app][device];
    }

    public int layers(int app) {
        return boundaryBytes[app].length - 1;
    }

    /** Bytes crossing a split of the app's network at position p in [0, layers]. */
    public long boundaryBytes(int app, int position) {
        return boundaryBytes[app][position];
    }

    /** Devices with the app's source capability, ascending. */
    public int[] sources(int app) {
        return sources[app];
    }

    /** Devices with the app's target capability, ascending. */
    public int[] targets(int app) {
        return targets[app];
    }

    public double weight(int app) {
        return apps.get(app).weight();
    }

    /**
     * Microseconds to move {@code bytes} from device a to device b: nothing on the same device, else the
     * longer latency plus the bytes at the slower bandwidth of the two ends.
     */
    public double transferMicros(int a, int b, long bytes) {
        if (a == b || bytes <= 0) {
            return 0;
        }
        return Math.max(latencyMicros[a], latencyMicros[b]) + bytes * Math.max(microsPerByte[a], microsPerByte[b]);
    }
}
