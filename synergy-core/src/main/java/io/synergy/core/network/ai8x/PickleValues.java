package io.synergy.core.network.ai8x;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The inert values the restricted unpickler builds in place of Python objects. None of them runs
 * code; each only records what the pickle said.
 */
final class PickleValues {

    private PickleValues() {
    }

    /** A reference to a Python global ({@code module.name}) that passed the allow-list. */
    record Global(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    /** A persistent id {@code ('storage', type, key, location, numel)}: one storage in the archive. */
    record StorageRef(StorageType type, String key, String location, long numel) {
    }

    /** A tensor view onto a storage: element offset, sizes and strides in elements. */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
        @Override
        public String toString() {
            return "tensor" + Arrays.toString(size) + " of " + storage.type().dtype;
        }
    }

    /**
     * A metadata object of an allowed class (argparse.Namespace, numpy scalars and dtypes, ...),
     * kept as its constructor arguments and its state.
     */
    static final class InertObject {
        final Global type;
        final List<Object> args;
        Object state;

        InertObject(Global type, Object[] args) {
            this.type = type;
            this.args = new ArrayList<>(Arrays.asList(args));
        }

        @Override
        public String toString() {
            return type + " object";
        }
    }
}
