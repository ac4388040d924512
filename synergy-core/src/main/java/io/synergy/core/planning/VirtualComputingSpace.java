package io.synergy.core.planning;

import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The pooled, live view of the fleet that planners map segments onto: every device (in join order) with
 * what it can hold, costed through one {@link CostModel}. Immutable: {@link #apply} returns the next
 * version, so a planner always works on a consistent snapshot and a plan set can name the version
 * (its epoch) it was made for.
 */
public final class VirtualComputingSpace {

    private final Map<String, Device> devices;
    private final SegmentTables tables;
    private final long version;
    /** Measured over modelled service time per device id; absent means 1 (the model holds). */
    private final Map<String, Double> serviceTimeFactors;

    private VirtualComputingSpace(Map<String, Device> devices, SegmentTables tables, long version,
                                  Map<String, Double> serviceTimeFactors) {
        this.devices = devices;
        this.tables = tables;
        this.version = version;
        this.serviceTimeFactors = serviceTimeFactors;
    }

    /** An empty space at version 0. */
    public static VirtualComputingSpace empty(CostModel costModel) {
        return new VirtualComputingSpace(Collections.emptyMap(), new SegmentTables(costModel), 0, Map.of());
    }

    /** A space holding these devices, as if each had joined in list order. */
    public static VirtualComputingSpace of(CostModel costModel, List<Device> devices) {
        VirtualComputingSpace space = empty(costModel);
        for (Device d : devices) {
            space = space.apply(new SpaceEvent.DeviceJoined(d));
        }
        return space;
    }

    /**
     * The space after one event, at the next version. Rejects a device of a type the cost model does not
     * know, a second device with the same id, and leaving or changing a device that is not there.
     */
    public VirtualComputingSpace apply(SpaceEvent event) {
        Objects.requireNonNull(event, "event");
        Map<String, Device> next = new LinkedHashMap<>(devices);
        if (event instanceof SpaceEvent.DeviceJoined joined) {
            Device d = joined.device();
            checkType(d);
            if (next.containsKey(d.id())) {
                throw new IllegalArgumentException("device " + d.id() + ": already in the space");
            }
            next.put(d.id(), d);
        } else if (event instanceof SpaceEvent.DeviceLeft left) {
            if (next.remove(left.deviceId()) == null) {
                throw new IllegalArgumentException("device " + left.deviceId() + ": not in the space");
            }
        } else if (event instanceof SpaceEvent.DeviceChanged changed) {
            Device d = changed.device();
            Device old = next.get(d.id());
            if (old == null) {
                throw new IllegalArgumentException("device " + d.id() + ": not in the space");
            }
            if (!old.type().equals(d.type())) {
                throw new IllegalArgumentException("device " + d.id() + ": type cannot change from " + old.type()
                        + " to " + d.type() + "; leave and join instead");
            }
            next.put(d.id(), d);
        }
        return new VirtualComputingSpace(Collections.unmodifiableMap(next), tables, version + 1, serviceTimeFactors);
    }

    private void checkType(Device d) {
        if (!tables.costModel().deviceTypes().contains(d.type())) {
            throw new IllegalArgumentException("device " + d.id() + ": unknown device type '" + d.type()
                    + "'; known: " + String.join(", ", new TreeSet<>(tables.costModel().deviceTypes())));
        }
    }

    /**
     * The same space with measured service-time factors (online estimation, see
     * {@link ServiceTimeEstimates}): every time of a device's segments is multiplied by its factor.
     * Devices not named keep the model's times. Same version: the fleet is the same.
     */
    public VirtualComputingSpace withServiceTimeFactors(Map<String, Double> factors) {
        for (Map.Entry<String, Double> factor : factors.entrySet()) {
            if (!(factor.getValue() > 0) || Double.isInfinite(factor.getValue())) {
                throw new IllegalArgumentException("service time factor of device " + factor.getKey()
                        + ": must be finite and > 0, got " + factor.getValue());
            }
        }
        return new VirtualComputingSpace(devices, tables, version, Map.copyOf(factors));
    }

    /** Measured over modelled service time of a device: 1 unless measurements said otherwise. */
    public double serviceTimeFactor(String deviceId) {
        return serviceTimeFactors.getOrDefault(deviceId, 1.0);
    }

    /** Every device, in join order. */
    public List<Device> devices() {
        return List.copyOf(devices.values());
    }

    public Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public List<Device> devicesWith(Capability capability) {
        List<Device> result = new ArrayList<>();
        for (Device d : devices.values()) {
            if (d.has(capability)) {
                result.add(d);
            }
        }
        return result;
    }

    public int size() {
        return devices.size();
    }

    /** Incremented by every event; plan sets carry it as their epoch. */
    public long version() {
        return version;
    }

    public CostModel costModel() {
        return tables.costModel();
    }

    /** What a device can hold. */
    public ResourceUse capacity(Device device) {
        return tables.costModel().capacity(device.type());
    }

    /** Segment costs, computed once per network and device type and shared by every version of the space. */
    public SegmentTables segmentTables() {
        return tables;
    }
}
