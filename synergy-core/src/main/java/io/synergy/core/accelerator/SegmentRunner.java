package io.synergy.core.accelerator;

import io.synergy.core.network.Activations;
import io.synergy.core.network.Model;

/**
 * Runs a segment [from, to) of one model's layers: given (at least) the tensors live at split
 * {@code from}, returns exactly the tensors live at {@code to} (see
 * {@link io.synergy.core.network.Network#liveTensors(int)}). A device runs its stages through one.
 */
public interface SegmentRunner {

    Model model();

    Activations run(Activations in, int from, int to);
}
