package io.synergy.executor.application;

import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;

import java.util.List;

/** Checks an input tensor against a model's signature, naming the field and what was expected. */
public final class InputCheck {

    private InputCheck() {
    }

    /**
     * The input in the model's own shape. A leading batch dimension of 1 is accepted and dropped, as
     * OIP clients often send {@code [1, C, H, W]}.
     *
     * @throws InvalidInputException naming the datatype or shape that does not match
     */
    public static WireTensor conform(WireTensor input, ModelSignature signature, String model) {
        TensorDescriptor expected = signature.input();
        if (input.datatype() != expected.datatype()) {
            throw new InvalidInputException("inputs[0].datatype: model " + model + " takes " + expected.datatype()
                    + ", got " + input.datatype());
        }
        List<Integer> shape = input.shape();
        if (shape.size() == expected.shape().size() + 1 && shape.get(0) == 1) {
            shape = shape.subList(1, shape.size());
        }
        if (!shape.equals(expected.shape())) {
            throw new InvalidInputException("inputs[0].shape: model " + model + " takes shape " + expected.shape()
                    + " (C, H, W; optionally with a leading batch of 1), got " + input.shape());
        }
        return shape.equals(input.shape()) ? input : new WireTensor(input.datatype(), shape, input.data());
    }
}
