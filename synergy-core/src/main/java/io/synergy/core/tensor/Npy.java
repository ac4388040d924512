package io.synergy.core.tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes NumPy {@code .npy} files of integers (format versions 1.0, 2.0 and 3.0).
 *
 * <p>Layout: the 6 bytes {@code \x93NUMPY}, major and minor version bytes, the header length
 * (little-endian uint16 in 1.0, uint32 in 2.0/3.0), an ASCII (3.0: UTF-8) Python dict literal
 * {@code {'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and ended
 * by a newline, then the raw elements. Only C-order arrays of the little-endian or byte-wide integer
 * types {@code <i8 <i4 <i2 |i1 |u1} are read; pickled object arrays are never read.
 */
public final class Npy {

    /** Largest element count read or written (the same guard as {@link Shape#MAX_ELEMENTS}). */
    public static final long MAX_ELEMENTS = Shape.MAX_ELEMENTS;

    /** Largest header accepted, in bytes (NumPy writes a few dozen). */
    public static final int MAX_HEADER_BYTES = 1 << 16;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy pads the preamble plus header to a multiple of 64 bytes (numpy/lib/format.py, ARRAY_ALIGN). */
    private static final int ALIGN = 64;

    private Npy() {
    }

    public static NpyArray read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_ELEMENTS * 8 + MAX_HEADER_BYTES + 12) {
                throw new NpyFormatException(file + ": " + size + " bytes is larger than any array of at most "
                        + MAX_ELEMENTS + " elements");
            }
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
    }

    public static NpyArray read(byte[] bytes) {
        return read(bytes, "npy");
    }

    static NpyArray read(byte[] bytes, String what) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new NpyFormatException(what + ": not a .npy file (it must start with \\x93NUMPY)");
        }
        int major = bytes[6] & 0xff;
        int minor = bytes[7] & 0xff;
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int preamble;
        if (major == 1) {
            headerLength = in.getShort(8) & 0xffff;
            preamble = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new NpyFormatException(what + ": truncated in the header length");
            }
            headerLength = in.getInt(8) & 0xffffffffL;
            preamble = 12;
        } else {
            throw new NpyFormatException(what + ": format version " + major + "." + minor
                    + " is not supported; supported: 1.0, 2.0, 3.0");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new NpyFormatException(what + ": header of " + headerLength + " bytes exceeds the limit of "
                    + MAX_HEADER_BYTES);
        }
        if (preamble + headerLength > bytes.length) {
            throw new NpyFormatException(what + ": truncated: the header needs " + headerLength + " bytes, "
                    + (bytes.length - preamble) + " remain");
        }
        String header = new String(bytes, preamble, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new HeaderParser(header, what).parse();
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new NpyFormatException(what + ": header must have exactly the keys descr, fortran_order and shape, "
                    + "got " + dict.keySet());
        }
        if (!(dict.get("descr") instanceof String dtype)) {
            throw new NpyFormatException(what + ": header key 'descr' must be a type string such as '<i4', got "
                    + dict.get("descr"));
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new NpyFormatException(what + ": header key 'fortran_order' must be True or False");
        }
        if (fortran) {
            throw new NpyFormatException(what + ": Fortran (column-major) order is not supported; write the array "
                    + "in C order");
        }
        if (!(dict.get("shape") instanceof int[] dims)) {
            throw new NpyFormatException(what + ": header key 'shape' must be a tuple of integers");
        }
        int itemBytes = itemBytes(dtype, what);
        long count = 1;
        for (int d : dims) {
            count *= d;
            if (count > MAX_ELEMENTS) {
                throw new NpyFormatException(what + ": shape " + Arrays.toString(dims) + " has more than "
                        + MAX_ELEMENTS + " elements");
            }
        }
        long dataStart = preamble + headerLength;
        long need = count * itemBytes;
        long have = bytes.length - dataStart;
        if (have < need) {
            throw new NpyFormatException(what + ": truncated: shape " + Arrays.toString(dims) + " of " + dtype
                    + " needs " + need + " data bytes, " + have + " remain");
        }
        if (have > need) {
            throw new NpyFormatException(what + ": " + (have - need) + " bytes follow the array data");
        }
        in.position((int) dataStart);
        int[] values = new int[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = element(in, dtype, i, what);
        }
        return new NpyArray(dims, values, dtype);
    }

    private static int itemBytes(String dtype, String what) {
        switch (dtype) {
            case "<i8":
                return 8;
            case "<i4":
                return 4;
            case "<i2":
                return 2;
            case "|i1":
            case "|u1":
                return 1;
            default:
                throw new NpyFormatException(what + ": dtype '" + dtype + "' is not supported; supported: "
                        + "<i8, <i4, <i2, |i1, |u1 (little-endian or byte-wide integers)");
        }
    }

    private static int element(ByteBuffer in, String dtype, int index, String what) {
        switch (dtype) {
            case "<i8": {
                long v = in.getLong();
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new NpyFormatException(what + ": element " + index + " is " + v
                            + ", outside the int32 range this reader holds");
                }
                return (int) v;
            }
            case "<i4":
                return in.getInt();
            case "<i2":
                return in.getShort();
            case "|i1":
                return in.get();
            default:
                return in.get() & 0xff;
        }
    }

    /** An int8 array (dtype {@code |i1}). */
    public static byte[] writeInt8(int[] dims, byte[] values) {
        checkCount(dims, values.length);
        ByteBuffer out = start(dims, "|i1", values.length);
        out.put(values);
        return out.array();
    }

    /** An int32 array (dtype {@code <i4}). */
    public static byte[] writeInt32(int[] dims, int[] values) {
        checkCount(dims, values.length);
        ByteBuffer out = start(dims, "<i4", 4L * values.length);
        for (int v : values) {
            out.putInt(v);
        }
        return out.array();
    }

    /** A tensor as C x H x W: int8 for 8-bit tensors, int32 for wide ones. */
    public static byte[] write(Tensor tensor) {
        int[] dims = tensor.shape().toArray();
        if (tensor instanceof Int8Tensor t) {
            return writeInt8(dims, t.raw());
        }
        return writeInt32(dims, tensor.toIntArray());
    }

    private static void checkCount(int[] dims, int count) {
        long expected = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new NpyFormatException("npy write: dimensions must be >= 0, got " + Arrays.toString(dims));
            }
            expected *= d;
            if (expected > MAX_ELEMENTS) {
                throw new NpyFormatException("npy write: " + Arrays.toString(dims) + " has more than "
                        + MAX_ELEMENTS + " elements");
            }
        }
        if (expected != count) {
            throw new NpyFormatException("npy write: dimensions " + Arrays.toString(dims) + " need " + expected
                    + " values, got " + count);
        }
    }

    /** Preamble and a version 1.0 header, padded so that the data starts on a 64-byte boundary. */
    private static ByteBuffer start(int[] dims, String dtype, long dataBytes) {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            shape.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        shape.append(dims.length == 1 ? ",)" : ")");
        StringBuilder header = new StringBuilder("{'descr': '" + dtype + "', 'fortran_order': False, 'shape': "
                + shape + ", }");
        while ((10 + header.length() + 1) % ALIGN != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate((int) (10 + text.length + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return out;
    }

    /**
     * Parses the header's Python literal: a dict of string keys to strings, True/False and tuples of
     * non-negative integers. Nothing else (the header is never evaluated).
     */
    private static final class HeaderParser {
        private final String text;
        private final String what;
        private int pos;

        HeaderParser(String text, String what) {
            this.text = text;
            this.what = what;
        }

        Map<String, Object> parse() {
            Map<String, Object> dict = new LinkedHashMap<>();
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String key = string();
                expect(':');
                skipSpace();
                Object value = value();
                if (dict.put(key, value) != null) {
                    throw fail("duplicate key '" + key + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw fail("expected ',' or '}'");
                }
            }
            skipSpace();
            if (pos != text.length()) {
                throw fail("unexpected text after the dict");
            }
            return dict;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw fail("unsupported value");
        }

        private int[] tuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos < text.length() && text.charAt(pos) == 'L') {
                    pos++; // Python 2 long suffix
                }
                String digits = text.substring(start, pos).replace("L", "");
                if (digits.isEmpty() || digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                    throw fail("a shape entry must be an integer from 0 to " + Integer.MAX_VALUE);
                }
                dims.add(Integer.parseInt(digits));
                if (dims.size() > 32) {
                    throw fail("more than 32 dimensions");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw fail("expected ',' or ')' in the shape");
                }
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private String string() {
            skipSpace();
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw fail("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw fail("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private void expect(char c) {
            skipSpace();
            if (peek() != c) {
                throw fail("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            if (pos >= text.length()) {
                throw fail("header ends early");
            }
            return text.charAt(pos);
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private NpyFormatException fail(String message) {
            String shown = text.strip();
            shown = shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
            return new NpyFormatException(what + ": header " + message + " at character " + pos + " of \""
                    + shown + "\"");
        }
    }
}
