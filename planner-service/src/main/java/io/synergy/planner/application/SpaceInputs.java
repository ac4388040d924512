package io.synergy.planner.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.app.AppUndeployed;
import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceHeartbeat;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.device.DeviceSegmentsLoaded;
import io.synergy.contracts.measurement.MeasurementEvent;
import io.synergy.contracts.measurement.SegmentTimes;
import io.synergy.contracts.measurement.StageTimesMeasured;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.model.ModelRemoved;
import io.synergy.core.network.Network;
import io.synergy.core.network.pack.ModelPackage;
import io.synergy.core.planning.ServiceTimeEstimates;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The planner's inputs folded from {@code synergy.devices}, {@code synergy.models} and
 * {@code synergy.apps}. Each fold says whether the change matters to planning, so a heartbeat that
 * only repeats what is known does not cause a re-plan. Thread-safe (the bindings apply, the
 * re-planner and HTTP threads take snapshots).
 */
public final class SpaceInputs {

    private final double batteryStepPercent;
    private final BatteryPolicy batteryPolicy;
    private final Map<String, FleetDevice> devices = new TreeMap<>();
    /** Live devices left out of the space for their low battery (see {@link BatteryPolicy}). */
    private final Set<String> plannedAround = new TreeSet<>();
    private final Map<String, Network> models = new TreeMap<>();
    private final Map<String, AppDeployed> apps = new TreeMap<>();
    private final ServiceTimeEstimates serviceTimes;
    private long version;
    private long structuralVersion;

    /**
     * @param batteryStepPercent a battery change smaller than this (in percentage points) since the last
     *                           one that counted is not a change worth a re-plan
     * @param batteryPolicy      which devices are planned around for their battery
     * @param estimation         how measured service times are averaged and when they count
     */
    public SpaceInputs(double batteryStepPercent, BatteryPolicy batteryPolicy, ServiceTimeEstimates.Settings estimation) {
        if (!(batteryStepPercent >= 0)) {
            throw new IllegalArgumentException("batteryStepPercent: must be >= 0, got " + batteryStepPercent);
        }
        this.batteryStepPercent = batteryStepPercent;
        this.batteryPolicy = batteryPolicy;
        this.serviceTimes = new ServiceTimeEstimates(estimation);
    }

    /** With the default estimation settings (see application.yaml). */
    public SpaceInputs(double batteryStepPercent, BatteryPolicy batteryPolicy) {
        this(batteryStepPercent, batteryPolicy, new ServiceTimeEstimates.Settings(0.3, 0.25, 20));
    }

    /**
     * Folds a device's measured stage times into its moving average (online estimation).
     *
     * @return whether the device's factor in force changed, i.e. planning should run again
     */
    public synchronized boolean apply(MeasurementEvent event) {
        if (!(event instanceof StageTimesMeasured) || !devices.containsKey(event.deviceId())) {
            return false; // a device the planner does not know (yet, or any more) is not planned on
        }
        StageTimesMeasured measured = (StageTimesMeasured) event;
        double measuredMicros = 0;
        double modelledMicros = 0;
        for (SegmentTimes segment : measured.segments()) {
            measuredMicros += segment.stages() * segment.measuredMicros();
            modelledMicros += segment.stages() * segment.modelledMicros();
        }
        if (!serviceTimes.fold(measured.deviceId(), measured.stages(), measuredMicros, modelledMicros)) {
            return false;
        }
        version++;
        return true;
    }

    /** Every device's service-time estimate, by device id. */
    public synchronized Map<String, ServiceTimeEstimates.DeviceEstimate> serviceTimes() {
        return serviceTimes.estimates();
    }

    /** @return whether the fleet changed in a way that matters to planning */
    public synchronized boolean apply(DeviceEvent event) {
        if (event instanceof DeviceLeft) {
            return forgetDevice(event.deviceId());
        }
        DeviceDescriptor descriptor;
        double battery;
        if (event instanceof DeviceAnnounced) {
            descriptor = ((DeviceAnnounced) event).device();
            battery = ((DeviceAnnounced) event).batteryPercent();
        } else if (event instanceof DeviceHeartbeat) {
            descriptor = ((DeviceHeartbeat) event).device();
            battery = ((DeviceHeartbeat) event).batteryPercent();
        } else if (event instanceof DeviceSegmentsLoaded) {
            descriptor = ((DeviceSegmentsLoaded) event).device();
            battery = ((DeviceSegmentsLoaded) event).batteryPercent();
        } else {
            return false;
        }
        String id = descriptor.deviceId();
        boolean wasAround = plannedAround.contains(id);
        boolean around = batteryPolicy.plansAround(wasAround, battery);
        FleetDevice known = devices.get(id);
        if (known != null && known.descriptor().equals(descriptor) && around == wasAround
                && Math.abs(known.batteryPercent() - battery) < batteryStepPercent) {
            return false;
        }
        devices.put(id, new FleetDevice(descriptor, battery));
        if (around) {
            plannedAround.add(id);
        } else {
            plannedAround.remove(id);
        }
        return changed();
    }

    /** A tombstone on {@code synergy.devices}. */
    public synchronized boolean forgetDevice(String deviceId) {
        plannedAround.remove(deviceId);
        serviceTimes.forget(deviceId);
        return devices.remove(deviceId) != null && changed();
    }

    /**
     * @throws IllegalArgumentException when the package cannot be read (the registry validated it, so this
     *                                  is someone else's record)
     */
    public synchronized boolean apply(ModelEvent event) {
        if (event instanceof ModelRegistered) {
            Network network = ModelPackage.read(((ModelRegistered) event).modelPackage().content()).network();
            Network known = models.put(event.modelName(), network);
            return !network.equals(known) && changed();
        }
        if (event instanceof ModelRemoved) {
            return forgetModel(event.modelName());
        }
        return false;
    }

    public synchronized boolean forgetModel(String modelName) {
        return models.remove(modelName) != null && changed();
    }

    public synchronized boolean apply(AppEvent event) {
        if (event instanceof AppDeployed) {
            AppDeployed known = apps.put(event.appId(), (AppDeployed) event);
            return !event.equals(known) && changed();
        }
        if (event instanceof AppUndeployed) {
            return forgetApp(event.appId());
        }
        return false;
    }

    public synchronized boolean forgetApp(String appId) {
        return apps.remove(appId) != null && changed();
    }

    public synchronized SpaceSnapshot snapshot() {
        return new SpaceSnapshot(version,
                devices.values().stream().filter(d -> !plannedAround.contains(d.id())).toList(),
                new HashMap<>(models), apps.values().stream().toList(),
                devices.values().stream().filter(d -> plannedAround.contains(d.id())).toList(),
                structuralVersion, serviceTimes.factorsInForce());
    }

    private boolean changed() {
        version++;
        structuralVersion++;
        return true;
    }
}
