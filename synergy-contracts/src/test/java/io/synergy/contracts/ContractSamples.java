package io.synergy.contracts;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.app.AppUndeployed;
import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceHeartbeat;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.device.DeviceSegmentsLoaded;
import io.synergy.contracts.device.LinkDescriptor;
import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.inference.InferenceRequestEvent;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.plan.PlanEvent;
import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.inference.StageRejection;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.model.ModelPackage;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.model.ModelRemoved;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.contracts.plan.UnplacedApp;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.WireTensor;

import java.util.List;
import java.util.Random;

/** One realistic instance of every event of the contract: a wearable fleet of two gateways. */
public final class ContractSamples {

    static final DeviceDescriptor GLASSES = new DeviceDescriptor("glasses-1", "gw-head", "MAX78000",
            List.of("camera", "display"), new LinkDescriptor("ble-2m", 170_000, 7_500));
    static final DeviceDescriptor PHONE = new DeviceDescriptor("phone-1", "gw-hub", "MAX78002",
            List.of(), new LinkDescriptor(null, 1_250_000, 1_000));

    private ContractSamples() {
    }

    /** Every event family of the contract, one codec each. */
    public static final List<Class<? extends Event>> FAMILIES = List.of(DeviceEvent.class, ModelEvent.class,
            AppEvent.class, PlanEvent.class, InferenceRequestEvent.class, InferenceResultEvent.class);

    /** The codec of the family {@code event} belongs to. */
    @SuppressWarnings("unchecked")
    public static EventCodec<Event> codecOf(Event event) {
        for (Class<? extends Event> family : FAMILIES) {
            if (family.isInstance(event)) {
                return (EventCodec<Event>) (EventCodec<?>) EventCodec.of(family);
            }
        }
        throw new AssertionError("no family for " + event);
    }

    public static List<Event> all() {
        return List.of(
                new DeviceAnnounced(GLASSES, 87.5),
                new DeviceHeartbeat(PHONE, 100, 0),
                new DeviceSegmentsLoaded(GLASSES, 86.0, 3),
                new DeviceLeft("ring-1", "gw-hand", "missed 3 heartbeats"),
                new ModelRegistered("kws20", "keyword spotting, 20 words", ModelPackage.of("synergy-model/1", bytes(5000, 7))),
                new ModelRegistered("mnist", null, ModelPackage.of("synergy-model/1", new byte[0])),
                new ModelRemoved("mnist"),
                new AppDeployed("captions", "kws20", "microphone", "display", 5.0),
                new AppDeployed("faces", "faceid", "camera", "speaker", 0),
                new AppUndeployed("faces"),
                planSet(),
                new PlanSetPublished(1, "synergy", List.of(), List.of(new UnplacedApp("faces", "no device with capability camera"))),
                new InferenceRequested("req-1", "kws20", tensor(TensorDatatype.INT8, 11), 0),
                new InferenceRequested("req-2", "mnist", tensor(TensorDatatype.INT8, 13), 2500),
                new InferenceCompleted("req-1", "kws20", "captions", 7, tensor(TensorDatatype.INT32, 17)),
                new InferenceFailed("req-3", "nosuch", FailureCode.UNKNOWN_MODEL, "model: no app serves 'nosuch'"),
                new StageRejected("req-4", "captions", 6, 1, "phone-1", StageRejection.STALE_EPOCH, 7,
                        "epoch: stage dispatched under epoch 6, device phone-1 has loaded epoch 7"));
    }

    static PlanSetPublished planSet() {
        DeviceRef glasses = new DeviceRef("glasses-1", "gw-head");
        DeviceRef phone = new DeviceRef("phone-1", "gw-hub");
        DeviceRef watch = new DeviceRef("watch-1", "gw-hub");
        AppPlan split = new AppPlan("captions", "kws20", new PlanEnds(glasses, glasses),
                List.of(new SegmentPlacement(0, 5, List.of(glasses)),
                        new SegmentPlacement(5, 9, List.of(phone, watch))),
                new PlanEstimate(41.5, 63.25, "link glasses-1 -> phone-1",
                        "kws20 needs 2 devices' weight memory; the split after layer 5 moves the smallest tensor"));
        return new PlanSetPublished(7, "synergy", List.of(split), List.of(new UnplacedApp("faces", "no camera left")));
    }

    /** A tensor of shape 2x3x2 with seeded values spanning the datatype's range. */
    static WireTensor tensor(TensorDatatype datatype, long seed) {
        Random random = new Random(seed);
        int[] data = new int[12];
        for (int i = 0; i < data.length; i++) {
            data[i] = datatype == TensorDatatype.INT8 ? random.nextInt(256) - 128 : random.nextInt();
        }
        data[0] = datatype == TensorDatatype.INT8 ? -128 : Integer.MIN_VALUE;
        data[1] = datatype == TensorDatatype.INT8 ? 127 : Integer.MAX_VALUE;
        return new WireTensor(datatype, List.of(2, 3, 2), data);
    }

    static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
