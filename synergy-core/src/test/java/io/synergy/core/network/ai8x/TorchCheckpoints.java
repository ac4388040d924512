package io.synergy.core.network.ai8x;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds checkpoints in PyTorch's zip layout ({@code <root>/data.pkl}, {@code <root>/data/<key>})
 * for tests: ai8x-style dicts with an ordered state_dict of float32 tensors, or any pickle and any
 * entries (hostile names, wrong sizes) as a test needs.
 */
final class TorchCheckpoints {

    /** One state_dict tensor: its float32 storage and the view onto it. */
    record Tensor(String key, float[] storage, long offset, long[] size, long[] stride) {
    }

    private final List<Tensor> tensors = new ArrayList<>();
    private String arch = "testnet";
    private int epoch = 1;

    static TorchCheckpoints checkpoint() {
        return new TorchCheckpoints();
    }

    TorchCheckpoints arch(String value) {
        arch = value;
        return this;
    }

    TorchCheckpoints epoch(int value) {
        epoch = value;
        return this;
    }

    /** A contiguous tensor of the given shape. */
    TorchCheckpoints tensor(String key, int[] shape, float... values) {
        long[] size = new long[shape.length];
        long[] stride = new long[shape.length];
        long step = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            size[d] = shape[d];
            stride[d] = step;
            step *= shape[d];
        }
        return view(key, values, 0, size, stride);
    }

    TorchCheckpoints view(String key, float[] storage, long offset, long[] size, long[] stride) {
        tensors.add(new Tensor(key, storage, offset, size, stride));
        return this;
    }

    TorchCheckpoints scalar(String key, float value) {
        return tensor(key, new int[] {1}, value);
    }

    /** The data.pkl of this checkpoint. */
    byte[] pickle() {
        PickleBytes p = new PickleBytes().proto(2).emptyDict().mark()
                .str("arch").str(arch).str("epoch").integer(epoch)
                .str("state_dict").orderedDict().mark();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            p.str(t.key()).tensor("FloatStorage", "s" + i, t.storage().length, t.offset(), t.size(), t.stride());
        }
        return p.setitems().setitems().stop().bytes();
    }

    Map<String, byte[]> storages() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < tensors.size(); i++) {
            ByteBuffer b = ByteBuffer.allocate(4 * tensors.get(i).storage().length).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : tensors.get(i).storage()) {
                b.putFloat(f);
            }
            entries.put("archive/data/s" + i, b.array());
        }
        return entries;
    }

    byte[] build() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle());
        entries.putAll(storages());
        entries.put("archive/version", "3\n".getBytes());
        return zip(entries, false);
    }

    /** A zip of the given entries, stored (as PyTorch writes) or deflated. */
    static byte[] zip(Map<String, byte[]> entries, boolean deflate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A checkpoint archive holding this pickle and no storages. */
    static byte[] withPickle(byte[] pickle) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        return zip(entries, false);
    }
}
