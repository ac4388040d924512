package io.synergy.gateway.application;

import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.core.accelerator.Emulator;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.accelerator.SegmentDoesNotFitException;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.network.Model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Loads the weights of each new plan epoch into this gateway's devices. For every device, the
 * segments the plan set places on it (any replica) are loaded together; the load takes the
 * modelled weight-load time of the segments that are new to the device (a segment it already holds
 * with the same model costs nothing), scaled by the fleet's time scale, and then the device reports
 * readiness for the epoch. A plan whose models have not arrived yet waits for them
 * ({@link #modelsChanged()}). Older epochs than the latest seen are ignored. Thread-safe.
 */
public final class SegmentLoader {

    private static final Logger LOG = Logger.getLogger(SegmentLoader.class.getName());

    private final String gatewayId;
    private final StageScheduler scheduler;
    private final ModelCatalog models;
    private final SegmentCostModel costModel;
    private final StageScheduler.SchedulerTiming timing;
    /** Called with (device id, epoch) once a device holds an epoch's segments. */
    private final BiConsumer<String, Long> segmentsLoaded;

    private PlanSetPublished latest;
    /** The epoch each device is loading or has loaded, so a plan is loaded once per device. */
    private final Map<String, Long> startedEpoch = new HashMap<>();

    public SegmentLoader(String gatewayId, StageScheduler scheduler, ModelCatalog models, SegmentCostModel costModel,
                         StageScheduler.SchedulerTiming timing, BiConsumer<String, Long> segmentsLoaded) {
        this.gatewayId = gatewayId;
        this.scheduler = scheduler;
        this.models = models;
        this.costModel = costModel;
        this.timing = timing;
        this.segmentsLoaded = segmentsLoaded;
    }

    /** A plan set arrived: loads it unless a later one has been seen. */
    public void planPublished(PlanSetPublished plan) {
        synchronized (this) {
            if (latest != null && plan.epoch() <= latest.epoch()) {
                return;
            }
            latest = plan;
        }
        loadPending();
    }

    /** A model arrived or changed: loads what waited for it. */
    public void modelsChanged() {
        loadPending();
    }

    /** The latest plan-set epoch seen, 0 before the first. */
    public synchronized long latestEpoch() {
        return latest == null ? 0 : latest.epoch();
    }

    /** The segments a plan set places on one device of this gateway, in plan order. */
    public List<SegmentAssignment> assignments(PlanSetPublished plan, String deviceId) {
        List<SegmentAssignment> assignments = new ArrayList<>();
        DeviceRef ref = new DeviceRef(deviceId, gatewayId);
        for (AppPlan app : plan.plans()) {
            for (SegmentPlacement placement : app.segments()) {
                if (placement.replicas().contains(ref)) {
                    assignments.add(new SegmentAssignment(deviceId,
                            new SegmentKey(app.appId(), placement.fromLayer(), placement.toLayer()), app.modelName()));
                }
            }
        }
        return assignments;
    }

    private void loadPending() {
        PlanSetPublished plan;
        synchronized (this) {
            plan = latest;
        }
        if (plan == null) {
            return;
        }
        for (DeviceSetup device : scheduler.setups()) {
            loadDevice(plan, device);
        }
    }

    private void loadDevice(PlanSetPublished plan, DeviceSetup device) {
        List<SegmentAssignment> assignments = assignments(plan, device.deviceId());
        Map<String, Model> needed = new HashMap<>();
        for (SegmentAssignment assignment : assignments) {
            Optional<Model> model = models.model(assignment.modelName());
            if (model.isEmpty()) {
                return; // waits for modelsChanged()
            }
            needed.put(assignment.modelName(), model.get());
        }
        synchronized (this) {
            if (startedEpoch.getOrDefault(device.deviceId(), 0L) >= plan.epoch()) {
                return;
            }
            startedEpoch.put(device.deviceId(), plan.epoch());
        }
        Map<SegmentKey, LoadedSegment> held = scheduler.segmentsOf(device.deviceId());
        Map<SegmentKey, LoadedSegment> segments = new LinkedHashMap<>();
        double weightLoadMicros = 0;
        for (SegmentAssignment assignment : assignments) {
            Model model = needed.get(assignment.modelName());
            LoadedSegment kept = held.get(assignment.key());
            if (kept != null && kept.model() == model) {
                segments.put(assignment.key(), kept);
                continue;
            }
            SegmentKey key = assignment.key();
            SegmentProfile profile;
            try {
                profile = costModel.profile(model.network(), key.fromLayer(), key.toLayer(), device.spec());
            } catch (SegmentDoesNotFitException e) {
                // The planner checks the same limits, so this is a disagreement between versions; stages
                // for the segment are answered SEGMENT_NOT_LOADED rather than run on an impossible device.
                LOG.warning("plan epoch " + plan.epoch() + ": segment " + key.text() + " of " + assignment.modelName()
                        + " does not fit device " + device.deviceId() + ": " + e.getMessage());
                continue;
            }
            weightLoadMicros += profile.weightLoadMicros();
            segments.put(key, new LoadedSegment(key, assignment.modelName(), model, profile, new Emulator(model)));
        }
        long epoch = plan.epoch();
        timing.clock().schedule(timing.timeScale().hostNanos(weightLoadMicros), () -> {
            if (scheduler.install(device.deviceId(), epoch, segments)) {
                segmentsLoaded.accept(device.deviceId(), epoch);
            }
        });
    }
}
