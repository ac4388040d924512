package io.synergy.executor.application;

import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Shape;

/**
 * What a served model takes and gives, as the Open Inference Protocol's metadata lists it.
 *
 * @param input  the network input: INT8, shape C, H, W
 * @param output the last output layer's tensor: INT32 for a 32-bit wide layer, else INT8; shape C, H, W
 */
public record ModelSignature(TensorDescriptor input, TensorDescriptor output) {

    public ModelSignature {
        if (input == null || output == null) {
            throw new IllegalArgumentException("signature: input and output are required, got " + input + ", " + output);
        }
    }

    /** The signature of a model: its input shape, and the last of its output layers. */
    public static ModelSignature of(Model model) {
        Network network = model.network();
        int last = network.outputLayers().get(network.outputLayers().size() - 1);
        TensorDatatype outputType = network.tensorWidthBits(last) == 32 ? TensorDatatype.INT32 : TensorDatatype.INT8;
        return new ModelSignature(descriptor(TensorDatatype.INT8, network.inputShape()),
                descriptor(outputType, network.tensorShape(last)));
    }

    private static TensorDescriptor descriptor(TensorDatatype datatype, Shape shape) {
        return TensorDescriptor.of(datatype, shape.channels(), shape.height(), shape.width());
    }
}
