package io.synergy.core.network.ai8x;

import io.synergy.core.network.ai8x.PickleValues.StorageRef;
import io.synergy.core.network.ai8x.PickleValues.TensorRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A quantized PyTorch checkpoint as ai8x-training's {@code quantize.py} writes it: a dict with
 * {@code arch}, {@code epoch} and an ordered {@code state_dict} of tensors (plus optimizer and
 * training metadata, which is read as inert data and dropped).
 *
 * <p>File layout (PyTorch zip serialisation): a zip archive whose entries share one root folder:
 * {@code <root>/data.pkl} is the pickled object, in which every tensor's storage is a persistent id
 * {@code ('storage', torch.FloatStorage, key, location, numel)} whose little-endian bytes are the
 * entry {@code <root>/data/<key>}; {@code <root>/byteorder}, when present, must say "little".
 * Nothing in the file is executed (see {@link RestrictedUnpickler}).
 *
 * @param arch      the model architecture name, or null when absent
 * @param epoch     the training epoch, or null when absent
 * @param stateDict tensors by key, in the checkpoint's order
 */
public record Checkpoint(String arch, Integer epoch, Map<String, CheckpointTensor> stateDict) {

    public Checkpoint {
        stateDict = Collections.unmodifiableMap(new LinkedHashMap<>(stateDict));
    }

    public static Checkpoint read(Path file) {
        return read(file, CheckpointLimits.DEFAULT);
    }

    public static Checkpoint read(Path file, CheckpointLimits limits) {
        try {
            long size = Files.size(file);
            if (size > limits.maxArchiveBytes()) {
                throw new ModelImportException(file + ": " + size + " bytes exceeds the limit of "
                        + limits.maxArchiveBytes() + " bytes");
            }
            return read(Files.readAllBytes(file), limits, file.toString());
        } catch (IOException e) {
            throw new ModelImportException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static Checkpoint read(byte[] bytes) {
        return read(bytes, CheckpointLimits.DEFAULT, "checkpoint");
    }

    public static Checkpoint read(byte[] bytes, CheckpointLimits limits, String what) {
        ZipArchive zip = ZipArchive.read(bytes, what, limits);
        String root = root(zip, what);
        ZipArchive.Entry byteOrder = zip.entries().get(root + "/byteorder");
        if (byteOrder != null) {
            String order = new String(zip.content(byteOrder), StandardCharsets.US_ASCII).strip();
            if (!order.equals("little")) {
                throw new ModelImportException(what + ": storages are '" + order + "'-endian; only little-endian "
                        + "checkpoints are supported");
            }
        }
        ZipArchive.Entry pickle = zip.entries().get(root + "/data.pkl");
        if (pickle.size() > limits.maxPickleBytes()) {
            throw new ModelImportException(what + ": data.pkl has " + pickle.size() + " bytes, more than the limit of "
                    + limits.maxPickleBytes());
        }
        Object object = RestrictedUnpickler.load(zip.content(pickle), what + " (" + root + "/data.pkl)",
                limits.maxNesting());
        if (!(object instanceof Map<?, ?> top)) {
            throw new ModelImportException(what + ": must hold a dict with a state_dict, got "
                    + RestrictedUnpickler.typeOf(object));
        }
        if (!(top.get("state_dict") instanceof Map<?, ?> state)) {
            throw new ModelImportException(what + ": has no 'state_dict' dict (keys: " + top.keySet() + ")");
        }
        Object arch = top.get("arch");
        if (arch != null && !(arch instanceof String)) {
            throw new ModelImportException(what + ": 'arch' must be a string, got " + RestrictedUnpickler.typeOf(arch));
        }
        Object epoch = top.get("epoch");
        if (epoch != null && !(epoch instanceof Integer)) {
            throw new ModelImportException(what + ": 'epoch' must be an integer, got "
                    + RestrictedUnpickler.typeOf(epoch));
        }
        Storages storages = new Storages(zip, root, what, limits.maxUncompressedBytes() / 4);
        Map<String, CheckpointTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : state.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new ModelImportException(what + ": state_dict keys must be strings, got "
                        + RestrictedUnpickler.typeOf(e.getKey()));
            }
            if (!(e.getValue() instanceof TensorRef ref)) {
                throw new ModelImportException(what + ": state_dict entry '" + key + "' must be a tensor, got "
                        + RestrictedUnpickler.typeOf(e.getValue()));
            }
            tensors.put(key, storages.tensor(key, ref));
        }
        return new Checkpoint((String) arch, (Integer) epoch, tensors);
    }

    /** The one folder holding data.pkl; PyTorch names it after the file ("archive" by default). */
    private static String root(ZipArchive zip, String what) {
        List<String> pickles = zip.entries().keySet().stream()
                .filter(n -> n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - "/data.pkl".length())
                .toList();
        if (pickles.size() != 1) {
            throw new ModelImportException(what + ": expected exactly one <root>/data.pkl entry, found "
                    + (pickles.isEmpty() ? "none" : pickles));
        }
        return pickles.get(0).substring(0, pickles.get(0).length() - "/data.pkl".length());
    }

    public CheckpointTensor tensor(String key) {
        return stateDict.get(key);
    }

    /** Storages read once each and checked against their declared element count. */
    private static final class Storages {
        private final ZipArchive zip;
        private final String root;
        private final String what;
        private final Map<String, ByteBuffer> loaded = new HashMap<>();
        private final Map<String, StorageRef> seen = new HashMap<>();
        /** Elements left to materialise: views (zero strides) could otherwise multiply a storage. */
        private long budget;

        Storages(ZipArchive zip, String root, String what, long maxElements) {
            this.zip = zip;
            this.root = root;
            this.what = what;
            this.budget = maxElements;
        }

        CheckpointTensor tensor(String key, TensorRef ref) {
            StorageRef storage = ref.storage();
            ByteBuffer data = bytes(storage);
            long count = 1;
            for (long s : ref.size()) {
                count *= s;
                if (count > Integer.MAX_VALUE - 8) {
                    throw new ModelImportException(what + ": tensor '" + key + "' has more than 2^31 elements");
                }
            }
            budget -= count;
            if (budget < 0) {
                throw new ModelImportException(what + ": the state_dict's tensors hold more elements than the limit "
                        + "allows (a quarter of the uncompressed-size limit); tensor '" + key + "' has " + count);
            }
            int[] shape = new int[ref.size().length];
            long last = ref.offset();
            for (int d = 0; d < shape.length; d++) {
                shape[d] = (int) ref.size()[d];
                last += (ref.size()[d] - 1) * ref.stride()[d];
            }
            if (count > 0 && (last >= storage.numel() || ref.offset() >= storage.numel())) {
                throw new ModelImportException(what + ": tensor '" + key + "' (offset " + ref.offset() + ", size "
                        + java.util.Arrays.toString(ref.size()) + ", stride " + java.util.Arrays.toString(ref.stride())
                        + ") reaches element " + last + " of a storage of " + storage.numel());
            }
            double[] values = new double[(int) count];
            int[] index = new int[shape.length];
            for (int i = 0; i < values.length; i++) {
                long at = ref.offset();
                for (int d = 0; d < shape.length; d++) {
                    at += index[d] * ref.stride()[d];
                }
                values[i] = storage.type().read(data, (int) at);
                for (int d = shape.length - 1; d >= 0; d--) { // next index in C order
                    if (++index[d] < shape[d]) {
                        break;
                    }
                    index[d] = 0;
                }
            }
            return new CheckpointTensor(key, storage.type().dtype, shape, values);
        }

        private ByteBuffer bytes(StorageRef storage) {
            StorageRef first = seen.putIfAbsent(storage.key(), storage);
            if (first != null && (first.type() != storage.type() || first.numel() != storage.numel())) {
                throw new ModelImportException(what + ": storage '" + storage.key() + "' is declared twice, as "
                        + first.numel() + " " + first.type().dtype + " and as " + storage.numel() + " "
                        + storage.type().dtype);
            }
            ByteBuffer cached = loaded.get(storage.key());
            if (cached != null) {
                return cached;
            }
            String name = root + "/data/" + storage.key();
            ZipArchive.Entry entry = zip.entries().get(name);
            if (entry == null) {
                throw new ModelImportException(what + ": storage '" + storage.key() + "' has no entry " + name);
            }
            long expected = storage.numel() > Long.MAX_VALUE / 8 ? -1 : storage.numel() * storage.type().bytes;
            if (entry.size() != expected) {
                throw new ModelImportException(what + ": entry " + name + " has " + entry.size() + " bytes, but "
                        + storage.numel() + " " + storage.type().dtype + " elements need " + expected);
            }
            ByteBuffer data = ByteBuffer.wrap(zip.content(entry)).order(ByteOrder.LITTLE_ENDIAN);
            loaded.put(storage.key(), data);
            return data;
        }
    }
}
