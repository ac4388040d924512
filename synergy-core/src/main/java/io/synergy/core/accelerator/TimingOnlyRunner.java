package io.synergy.core.accelerator;

import io.synergy.core.network.Activations;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Tensor;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link SegmentRunner} without arithmetic, for emulated fleets too large to compute: it checks
 * its input like the {@link Emulator}, passes on the tensors that only cross the segment, and
 * returns all-zero tensors for the ones the segment would compute. Shapes, widths and byte counts,
 * everything a timing model and a transport see, equal the emulator's.
 */
public final class TimingOnlyRunner implements SegmentRunner {

    private final Model model;

    public TimingOnlyRunner(Model model) {
        this.model = model;
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public Activations run(Activations in, int from, int to) {
        Network network = model.network();
        Emulator.checkSegment(network, from, to);
        in.requireShapes(network, network.liveTensors(from));
        Activations zeros = Activations.zeros(network, to);
        Map<Integer, Tensor> out = new TreeMap<>();
        for (int id : zeros.ids()) {
            out.put(id, id < from ? in.tensor(id) : zeros.tensor(id));
        }
        return Activations.of(out);
    }
}
