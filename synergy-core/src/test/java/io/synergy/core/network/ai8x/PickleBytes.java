package io.synergy.core.network.ai8x;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes pickle opcodes by hand (protocols 2 and 4, as in Python's pickletools), so tests can
 * build exactly the streams they need, hostile ones included, without Python or binary fixtures.
 */
final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleBytes proto(int version) {
        return op(0x80).op(version);
    }

    PickleBytes mark() {
        return op('(');
    }

    PickleBytes str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        return raw(b);
    }

    PickleBytes integer(int v) {
        op('J');
        return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    PickleBytes bool(boolean v) {
        return op(v ? 0x88 : 0x89);
    }

    PickleBytes none() {
        return op('N');
    }

    PickleBytes global(String module, String name) {
        op('c');
        return raw((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    PickleBytes stackGlobal(String module, String name) {
        return str(module).str(name).op(0x93);
    }

    PickleBytes tuple() {
        return op('t');
    }

    PickleBytes emptyTuple() {
        return op(')');
    }

    PickleBytes emptyDict() {
        return op('}');
    }

    PickleBytes emptyList() {
        return op(']');
    }

    PickleBytes reduce() {
        return op('R');
    }

    PickleBytes setitems() {
        return op('u');
    }

    PickleBytes setitem() {
        return op('s');
    }

    PickleBytes append() {
        return op('a');
    }

    PickleBytes stop() {
        return op('.');
    }

    /** A tuple of ints: MARK ints TUPLE. */
    PickleBytes ints(long... values) {
        mark();
        for (long v : values) {
            integer((int) v);
        }
        return tuple();
    }

    /** An empty {@code collections.OrderedDict()}. */
    PickleBytes orderedDict() {
        return global("collections", "OrderedDict").emptyTuple().reduce();
    }

    /**
     * {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())}
     * with the storage as a persistent id, as torch.save writes it.
     */
    PickleBytes tensor(String storageClass, String key, long numel, long offset, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        mark().str("storage").global("torch", storageClass).str(key).str("cpu").integer((int) numel).tuple().op('Q');
        integer((int) offset).ints(size).ints(stride).bool(false).orderedDict();
        return tuple().reduce();
    }

    PickleBytes raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
