package io.synergy.core.network;

import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Tensor;
import io.synergy.core.tensor.TensorCodec;
import io.synergy.core.tensor.WideTensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tensors that cross a split point, keyed by tensor id: -1 is the network input, k the output of
 * layer k (see {@link Network#liveTensors(int)}). Immutable.
 *
 * <p>Binary form ({@link #encode()}): the {@link TensorCodec} bytes of every tensor, concatenated in
 * ascending id order, nothing else. Shapes and widths are not in the bytes; the receiver knows them
 * from the {@link Network} and the split position ({@link #decode}).
 */
public final class Activations {

    private final SortedMap<Integer, Tensor> tensors;

    private Activations(SortedMap<Integer, Tensor> tensors) {
        this.tensors = Collections.unmodifiableSortedMap(tensors);
    }

    /** @throws IllegalArgumentException for an id below -1 or a null tensor */
    public static Activations of(Map<Integer, ? extends Tensor> tensors) {
        TreeMap<Integer, Tensor> copy = new TreeMap<>();
        tensors.forEach((id, tensor) -> {
            Objects.requireNonNull(id, "tensor id");
            if (id < Layer.NETWORK_INPUT) {
                throw new IllegalArgumentException("activations: tensor id must be >= -1, got " + id);
            }
            copy.put(id, Objects.requireNonNull(tensor, "tensor " + id));
        });
        return new Activations(copy);
    }

    /** The network input alone: what a segment starting at layer 0 needs. */
    public static Activations input(Tensor input) {
        return of(Map.of(Layer.NETWORK_INPUT, input));
    }

    /**
     * All-zero tensors of the shapes and widths live at {@code position}: a stand-in where only the
     * byte counts matter (timing-only emulation of large fleets).
     */
    public static Activations zeros(Network network, int position) {
        TreeMap<Integer, Tensor> zeros = new TreeMap<>();
        for (int id : network.liveTensors(position)) {
            zeros.put(id, network.tensorWidthBits(id) == 8
                    ? Int8Tensor.zeros(network.tensorShape(id))
                    : WideTensor.wrap(network.tensorShape(id), new int[network.tensorShape(id).elements()]));
        }
        return new Activations(zeros);
    }

    /** Tensor ids, ascending. */
    public List<Integer> ids() {
        return List.copyOf(tensors.keySet());
    }

    public boolean contains(int id) {
        return tensors.containsKey(id);
    }

    /** @throws IllegalArgumentException naming the id and the ids present when it is absent */
    public Tensor tensor(int id) {
        Tensor t = tensors.get(id);
        if (t == null) {
            throw new IllegalArgumentException("activations: no tensor " + id + " (have " + tensors.keySet() + ")");
        }
        return t;
    }

    public int size() {
        return tensors.size();
    }

    /** The subset with the given ids; each must be present. */
    public Activations select(Collection<Integer> ids) {
        TreeMap<Integer, Tensor> subset = new TreeMap<>();
        for (int id : ids) {
            subset.put(id, tensor(id));
        }
        return new Activations(subset);
    }

    /** Encoded size: the sum of the tensors' byte sizes. */
    public long byteSize() {
        long bytes = 0;
        for (Tensor t : tensors.values()) {
            bytes += t.byteSize();
        }
        return bytes;
    }

    /**
     * Checks that these are the tensors live at {@code position} of {@code network}, no more and no
     * fewer, each with the shape and width the network gives it.
     *
     * @throws IllegalArgumentException naming the first tensor id that differs and what was expected
     */
    public void requireLiveAt(Network network, int position) {
        List<Integer> live = network.liveTensors(position);
        if (!live.equals(ids())) {
            throw new IllegalArgumentException("activations at split " + position + " of " + network.name()
                    + ": expected tensors " + live + ", got " + ids());
        }
        requireShapes(network, live);
    }

    /**
     * Checks that every tensor id in {@code ids} is present with the shape and width the network
     * gives it; other tensors are allowed.
     */
    public void requireShapes(Network network, Collection<Integer> ids) {
        for (int id : ids) {
            Tensor t = tensor(id);
            if (!t.shape().equals(network.tensorShape(id)) || t.widthBits() != network.tensorWidthBits(id)) {
                throw new IllegalArgumentException("activations for " + network.name() + ": tensor " + id
                        + " must be " + network.tensorShape(id) + " at " + network.tensorWidthBits(id)
                        + " bits, got " + t.shape() + " at " + t.widthBits() + " bits");
            }
        }
    }

    /** The tensors' codec bytes concatenated in ascending id order. */
    public byte[] encode() {
        long total = byteSize();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("activations: " + total + " bytes exceed one array");
        }
        byte[] out = new byte[(int) total];
        int at = 0;
        for (Tensor t : tensors.values()) {
            byte[] one = TensorCodec.encode(t);
            System.arraycopy(one, 0, out, at, one.length);
            at += one.length;
        }
        return out;
    }

    /**
     * Decodes the bytes of the tensors live at split {@code position} of {@code network}, as
     * {@link #encode()} wrote them.
     *
     * @throws IllegalArgumentException naming the split, the tensors expected and their total byte count
     *                                  when the length differs
     */
    public static Activations decode(byte[] bytes, Network network, int position) {
        List<Integer> live = network.liveTensors(position);
        long expected = network.boundaryBytes(position);
        if (bytes.length != expected) {
            List<String> parts = new ArrayList<>();
            for (int id : live) {
                parts.add(id + ": " + network.tensorShape(id) + " x " + network.tensorWidthBits(id) + " bits");
            }
            throw new IllegalArgumentException("activations at split " + position + " of " + network.name()
                    + ": tensors " + parts + " need " + expected + " bytes, got " + bytes.length);
        }
        TreeMap<Integer, Tensor> decoded = new TreeMap<>();
        int at = 0;
        for (int id : live) {
            int length = (int) network.tensorBytes(id);
            decoded.put(id, TensorCodec.decode(bytes, at, length, network.tensorShape(id),
                    network.tensorWidthBits(id)));
            at += length;
        }
        return new Activations(decoded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activations a && tensors.equals(a.tensors);
    }

    @Override
    public int hashCode() {
        return tensors.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Activations[");
        tensors.forEach((id, t) -> s.append(s.length() > 12 ? ", " : "").append(id).append('=').append(t.shape())
                .append('x').append(t.widthBits()).append("b"));
        return s.append(']').toString();
    }
}
