package io.synergy.gateway.application;

import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;
import io.synergy.core.network.Activations;
import io.synergy.core.tensor.Shape;
import io.synergy.core.tensor.Tensor;

import java.util.List;

/**
 * How the tensors crossing a split travel. One tensor (the usual case) is described exactly: its
 * datatype and its shape C,H,W. Several (a skip connection over the split) travel as their
 * concatenated bytes, ascending tensor id, described as INT8 of that many bytes: the receiving
 * gateway decodes them with the network's own shapes ({@link Activations#decode}).
 */
final class WireForm {

    private WireForm() {
    }

    static TensorDescriptor descriptor(Activations activations) {
        if (activations.size() == 1) {
            Tensor tensor = activations.tensor(activations.ids().get(0));
            return new TensorDescriptor(datatype(tensor), dimensions(tensor.shape()));
        }
        return new TensorDescriptor(TensorDatatype.INT8, List.of(Math.toIntExact(activations.byteSize())));
    }

    /**
     * The network's result. Several output layers are flattened into one INT32 tensor, ascending
     * layer index (INT32 holds both widths).
     */
    static WireTensor result(Activations outputs) {
        if (outputs.size() == 1) {
            Tensor tensor = outputs.tensor(outputs.ids().get(0));
            return new WireTensor(datatype(tensor), dimensions(tensor.shape()), tensor.toIntArray());
        }
        int total = 0;
        for (int id : outputs.ids()) {
            total += outputs.tensor(id).shape().elements();
        }
        int[] data = new int[total];
        int at = 0;
        for (int id : outputs.ids()) {
            int[] values = outputs.tensor(id).toIntArray();
            System.arraycopy(values, 0, data, at, values.length);
            at += values.length;
        }
        return new WireTensor(TensorDatatype.INT32, List.of(total), data);
    }

    private static TensorDatatype datatype(Tensor tensor) {
        return tensor.widthBits() == 8 ? TensorDatatype.INT8 : TensorDatatype.INT32;
    }

    private static List<Integer> dimensions(Shape shape) {
        return List.of(shape.channels(), shape.height(), shape.width());
    }
}
