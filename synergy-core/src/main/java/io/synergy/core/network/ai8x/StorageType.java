package io.synergy.core.network.ai8x;

import java.nio.ByteBuffer;

/**
 * The element types of PyTorch's typed storages, by the class name a checkpoint pickles
 * ({@code torch.FloatStorage}, ...), with their size in bytes. Storage data is little-endian.
 */
enum StorageType {
    FLOAT("FloatStorage", 4, "float32"),
    DOUBLE("DoubleStorage", 8, "float64"),
    HALF("HalfStorage", 2, "float16"),
    BFLOAT16("BFloat16Storage", 2, "bfloat16"),
    LONG("LongStorage", 8, "int64"),
    INT("IntStorage", 4, "int32"),
    SHORT("ShortStorage", 2, "int16"),
    CHAR("CharStorage", 1, "int8"),
    BYTE("ByteStorage", 1, "uint8"),
    BOOL("BoolStorage", 1, "bool");

    final String className;
    final int bytes;
    final String dtype;

    StorageType(String className, int bytes, String dtype) {
        this.className = className;
        this.bytes = bytes;
        this.dtype = dtype;
    }

    static StorageType byClassName(String name) {
        for (StorageType t : values()) {
            if (t.className.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Element {@code index} of a little-endian buffer of this type, as a double (exact for all but int64 > 2^53). */
    double read(ByteBuffer data, int index) {
        int at = index * bytes;
        switch (this) {
            case FLOAT:
                return data.getFloat(at);
            case DOUBLE:
                return data.getDouble(at);
            case HALF:
                return halfToFloat(data.getShort(at));
            case BFLOAT16:
                return Float.intBitsToFloat((data.getShort(at) & 0xffff) << 16);
            case LONG:
                return data.getLong(at);
            case INT:
                return data.getInt(at);
            case SHORT:
                return data.getShort(at);
            case CHAR:
                return data.get(at);
            case BYTE:
                return data.get(at) & 0xff;
            default:
                return data.get(at) != 0 ? 1 : 0;
        }
    }

    /** IEEE 754 binary16 to float (Float.float16ToFloat exists only from Java 20). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f; // subnormal: mantissa * 2^-24
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
