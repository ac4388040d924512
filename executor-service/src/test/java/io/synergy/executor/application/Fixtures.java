package io.synergy.executor.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A two-gateway fleet and one app, kws20 split in two, as the tests' common ground. */
final class Fixtures {

    static final DeviceRef EARBUD = new DeviceRef("earbud-1", "gw-head");
    static final DeviceRef PHONE = new DeviceRef("phone-1", "gw-hub");
    static final DeviceRef WATCH = new DeviceRef("watch-1", "gw-hub");
    static final ServedApp CAPTIONS = new ServedApp("captions", "kws20");
    static final ModelSignature KWS20 = new ModelSignature(TensorDescriptor.of(TensorDatatype.INT8, 2, 2, 2),
            TensorDescriptor.of(TensorDatatype.INT32, 3, 1, 1));
    static final TrackingPolicy POLICY = new TrackingPolicy(2, Duration.ofSeconds(1), 3, Duration.ofSeconds(10),
            Duration.ofMillis(250), new TrackingPolicy.Idempotency(Duration.ofMinutes(10), 3));

    private Fixtures() {
    }

    static AppPlan plan(String appId, SegmentPlacement... segments) {
        return new AppPlan(appId, "kws20", new PlanEnds(EARBUD, EARBUD), List.of(segments),
                new PlanEstimate(40, 60, "link earbud-1 -> phone-1", "kws20 needs two devices"));
    }

    static SegmentPlacement segment(int from, int to, DeviceRef... replicas) {
        return new SegmentPlacement(from, to, Arrays.asList(replicas));
    }

    static PlanSetPublished planSet(long epoch, AppPlan... plans) {
        return new PlanSetPublished(epoch, "synergy", List.of(plans), List.of());
    }

    static PlanSetPublished splitCaptions(long epoch) {
        return planSet(epoch, plan("captions", segment(0, 5, EARBUD), segment(5, 9, PHONE)));
    }

    static AppDeployed captionsApp() {
        return new AppDeployed("captions", "kws20", "microphone", "display", 0);
    }

    static WireTensor input() {
        return new WireTensor(TensorDatatype.INT8, List.of(2, 2, 2), new int[] {0, -3, 127, -128, 1, 2, 3, 4});
    }

    static InferenceRequest request(String requestId) {
        return new InferenceRequest(requestId, CAPTIONS, input(), null, Origin.HTTP);
    }

    static WireTensor output() {
        return new WireTensor(TensorDatatype.INT32, List.of(3, 1, 1), new int[] {-21034, 118210, -4096});
    }
}
