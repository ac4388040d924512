package io.synergy.core.network.ai8x;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A read-only view of a zip archive held in memory, read from its central directory (PKWARE
 * APPNOTE 6.3: end of central directory, its zip64 variant, central and local file headers).
 * PyTorch writes its checkpoints as stored entries with data descriptors and zip64 end records,
 * which {@link java.util.zip.ZipInputStream} cannot read, hence this reader. Every offset, size and
 * name is checked before use; entries are only decompressed on request, into at most their
 * declared size, and their CRC-32 is verified.
 */
final class ZipArchive {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int ZIP64_END_OF_DIRECTORY = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int MAX_NAME_CHARS = 1024;

    /** Where one entry's data lies, as its central directory header says. */
    record Entry(String name, int method, long crc, long compressedSize, long size, long localHeaderOffset) {
    }

    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final String what;
    private final Map<String, Entry> entries;

    private ZipArchive(byte[] bytes, String what, CheckpointLimits limits) {
        this.bytes = bytes;
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.what = what;
        this.entries = Collections.unmodifiableMap(readDirectory(limits));
    }

    static ZipArchive read(byte[] bytes, String what, CheckpointLimits limits) {
        if (bytes.length > limits.maxArchiveBytes()) {
            throw new ModelImportException(what + ": " + bytes.length + " bytes exceeds the limit of "
                    + limits.maxArchiveBytes() + " bytes");
        }
        if (bytes.length < 22 || buffer(bytes).getInt(0) != LOCAL_HEADER) {
            throw new ModelImportException(what + ": not a zip archive (PyTorch checkpoints since 1.6 are zip "
                    + "files; the legacy format is not supported)");
        }
        return new ZipArchive(bytes, what, limits);
    }

    private static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Entries by name, in central directory order. */
    Map<String, Entry> entries() {
        return entries;
    }

    private Map<String, Entry> readDirectory(CheckpointLimits limits) {
        int end = findEndOfDirectory();
        long count = u16(end + 10);
        long directorySize = u32(end + 12);
        long directoryOffset = u32(end + 16);
        if (count == 0xffff || directorySize == 0xffffffffL || directoryOffset == 0xffffffffL) {
            int locator = end - 20;
            if (locator < 0 || buffer.getInt(locator) != ZIP64_LOCATOR) {
                throw corrupt("the end record asks for zip64 values, but there is no zip64 locator");
            }
            long zip64End = buffer.getLong(locator + 8);
            check(zip64End, 56, "the zip64 end record");
            int at = (int) zip64End;
            if (buffer.getInt(at) != ZIP64_END_OF_DIRECTORY) {
                throw corrupt("no zip64 end record at offset " + zip64End);
            }
            count = buffer.getLong(at + 32);
            directorySize = buffer.getLong(at + 40);
            directoryOffset = buffer.getLong(at + 48);
        }
        if (count < 0 || count > limits.maxEntries()) {
            throw new ModelImportException(what + ": " + count + " entries exceeds the limit of " + limits.maxEntries());
        }
        check(directoryOffset, directorySize, "the central directory");
        Map<String, Entry> result = new LinkedHashMap<>();
        long total = 0;
        int at = (int) directoryOffset;
        for (long i = 0; i < count; i++) {
            check(at, 46, "central directory header " + i);
            if (buffer.getInt(at) != CENTRAL_HEADER) {
                throw corrupt("central directory header " + i + " has a bad signature");
            }
            int flags = u16(at + 8);
            int method = u16(at + 10);
            long crc = u32(at + 16);
            long compressed = u32(at + 20);
            long size = u32(at + 24);
            int nameLength = u16(at + 28);
            int extraLength = u16(at + 30);
            int commentLength = u16(at + 32);
            long localOffset = u32(at + 42);
            check(at + 46L, (long) nameLength + extraLength + commentLength, "central directory header " + i);
            String name = new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8);
            checkName(name);
            if ((flags & 1) != 0) {
                throw new ModelImportException(what + ": entry '" + name + "' is encrypted");
            }
            if (method != STORED && method != DEFLATED) {
                throw new ModelImportException(what + ": entry '" + name + "' uses compression method " + method
                        + "; supported: 0 (stored) and 8 (deflated)");
            }
            // zip64 extra field: the 64-bit values of the fields that hold 0xffffffff, in this order.
            int extra = at + 46 + nameLength;
            int extraEnd = extra + extraLength;
            while (extra + 4 <= extraEnd) {
                int id = u16(extra);
                int length = u16(extra + 2);
                if (extra + 4 + length > extraEnd) {
                    throw corrupt("entry '" + name + "' has a malformed extra field");
                }
                if (id == ZIP64_EXTRA) {
                    int field = extra + 4;
                    int fieldEnd = field + length;
                    if (size == 0xffffffffL && field + 8 <= fieldEnd) {
                        size = buffer.getLong(field);
                        field += 8;
                    }
                    if (compressed == 0xffffffffL && field + 8 <= fieldEnd) {
                        compressed = buffer.getLong(field);
                        field += 8;
                    }
                    if (localOffset == 0xffffffffL && field + 8 <= fieldEnd) {
                        localOffset = buffer.getLong(field);
                    }
                }
                extra += 4 + length;
            }
            if (size < 0 || compressed < 0 || localOffset < 0) {
                throw corrupt("entry '" + name + "' has a negative size or offset");
            }
            total += size;
            if (total > limits.maxUncompressedBytes()) {
                throw new ModelImportException(what + ": entries uncompress to more than the limit of "
                        + limits.maxUncompressedBytes() + " bytes");
            }
            if (method == STORED && compressed != size) {
                throw corrupt("stored entry '" + name + "' declares " + compressed + " stored and " + size
                        + " uncompressed bytes");
            }
            if (result.put(name, new Entry(name, method, crc, compressed, size, localOffset)) != null) {
                throw new ModelImportException(what + ": entry '" + name + "' appears twice");
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        return result;
    }

    private int findEndOfDirectory() {
        int lowest = Math.max(0, bytes.length - 22 - 0xffff);
        for (int at = bytes.length - 22; at >= lowest; at--) {
            if (buffer.getInt(at) == END_OF_DIRECTORY && at + 22 + u16(at + 20) == bytes.length) {
                return at;
            }
        }
        throw corrupt("no end of central directory record (the file is truncated or not a zip archive)");
    }

    /** Rejects names that could escape a directory if anyone ever extracted the archive. */
    private void checkName(String name) {
        String problem = null;
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            problem = "must have 1 to " + MAX_NAME_CHARS + " characters";
        } else if (name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':')) {
            problem = "must be a relative path with '/' separators (no absolute path, drive, backslash or NUL)";
        } else {
            for (String segment : name.split("/", -1)) {
                if (segment.equals("..") || segment.equals(".")) {
                    problem = "must not contain '.' or '..' segments";
                }
            }
        }
        if (problem != null) {
            throw new ModelImportException(what + ": entry name '" + name.replace("\0", "\\0") + "' " + problem);
        }
    }

    /** The uncompressed content of an entry, at most its declared size, CRC-checked. */
    byte[] content(Entry entry) {
        long at = entry.localHeaderOffset();
        check(at, 30, "the local header of '" + entry.name() + "'");
        int local = (int) at;
        if (buffer.getInt(local) != LOCAL_HEADER) {
            throw corrupt("entry '" + entry.name() + "' has no local header at offset " + at);
        }
        int nameLength = u16(local + 26);
        int extraLength = u16(local + 28);
        check(local + 30L, nameLength, "the local header of '" + entry.name() + "'");
        String localName = new String(bytes, local + 30, nameLength, StandardCharsets.UTF_8);
        if (!localName.equals(entry.name())) {
            throw corrupt("entry '" + entry.name() + "' is named '" + localName + "' in its local header");
        }
        long data = local + 30L + nameLength + extraLength;
        check(data, entry.compressedSize(), "the data of '" + entry.name() + "'");
        if (entry.size() > Integer.MAX_VALUE - 8) {
            throw new ModelImportException(what + ": entry '" + entry.name() + "' is larger than 2 GiB");
        }
        byte[] out = new byte[(int) entry.size()];
        if (entry.method() == STORED) {
            System.arraycopy(bytes, (int) data, out, 0, out.length);
        } else {
            inflate(entry, (int) data, out);
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != entry.crc()) {
            throw corrupt("entry '" + entry.name() + "' fails its CRC-32 check");
        }
        return out;
    }

    private void inflate(Entry entry, int data, byte[] out) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, data, (int) entry.compressedSize());
            int filled = 0;
            while (filled < out.length) {
                int n = inflater.inflate(out, filled, out.length - filled);
                if (n == 0) {
                    break; // finished early, out of input, or needs a preset dictionary: all malformed here
                }
                filled += n;
            }
            if (filled != out.length || !inflater.finished()) {
                throw corrupt("entry '" + entry.name() + "' does not inflate to its declared " + out.length + " bytes");
            }
        } catch (DataFormatException e) {
            throw corrupt("entry '" + entry.name() + "' holds invalid deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private void check(long offset, long length, String part) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw corrupt(part + " lies outside the file (offset " + offset + ", " + length + " bytes, file "
                    + bytes.length + " bytes)");
        }
    }

    private int u16(int at) {
        return buffer.getShort(at) & 0xffff;
    }

    private long u32(int at) {
        return buffer.getInt(at) & 0xffffffffL;
    }

    private ModelImportException corrupt(String message) {
        return new ModelImportException(what + ": corrupt or truncated zip archive: " + message);
    }
}
