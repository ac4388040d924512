package io.synergy.core.network.pack;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.Window;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synergy's own model file: one self-contained file holding a {@link Model} (network and int8
 * parameters), written and read without the ai8x toolchain. See {@code docs/model-package.md}.
 *
 * <p>Layout, all integers little-endian:
 * <pre>
 * offset      size  field
 * 0           8     magic "SYNMODEL" (ASCII)
 * 8           2     format major version (readers refuse other majors)
 * 10          2     format minor version (additions only; see docs)
 * 12          4     manifest length M in bytes
 * 16          8     blob length B in bytes
 * 24          M     manifest: UTF-8 JSON (network, layers, where each layer's values lie in the blob)
 * 24+M        B     blob: every weight and bias value as one signed byte, layer by layer
 * 24+M+B      4     CRC-32 of bytes [0, 24+M+B)
 * </pre>
 * Writing is deterministic: one model, one byte sequence.
 */
public final class ModelPackage {

    static final byte[] MAGIC = "SYNMODEL".getBytes(StandardCharsets.US_ASCII);
    public static final int MAJOR_VERSION = 1;
    public static final int MINOR_VERSION = 0;
    static final int HEADER_BYTES = 24;
    static final int TRAILER_BYTES = 4;
    /** The manifest's "format" field, naming what the file is to someone who opens the JSON. */
    static final String FORMAT = "synergy-model-package";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelPackage() {
    }

    public static byte[] write(Model model) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        ObjectNode manifest = JSON.createObjectNode();
        Network network = model.network();
        manifest.put("format", FORMAT);
        manifest.put("name", network.name());
        ObjectNode input = manifest.putObject("input");
        putInts(input.putArray("shape"), network.inputShape().toArray());
        input.put("format", network.inputFormat().name());
        ArrayNode layers = manifest.putArray("layers");
        for (Layer layer : network.layers()) {
            ObjectNode l = layers.addObject();
            writeLayer(l, layer);
            LayerParameters p = model.parameters(layer.index());
            if (p != null) {
                putRegion(l.putObject("weights"), blob.size(), p.weights().length);
                blob.writeBytes(p.weights());
                if (p.hasBias()) {
                    putRegion(l.putObject("biasValues"), blob.size(), p.bias().length);
                    blob.writeBytes(p.bias());
                }
            }
        }
        return assemble(JSON.writeValueAsBytes(manifest), blob.toByteArray());
    }

    private static void writeLayer(ObjectNode l, Layer layer) {
        l.put("index", layer.index());
        if (layer.name() == null) {
            l.putNull("name");
        } else {
            l.put("name", layer.name());
        }
        l.put("operation", layer.operation().name());
        putInts(l.putArray("inSequences"), layer.inSequences().stream().mapToInt(Integer::intValue).toArray());
        l.put("eltwise", layer.eltwise().name());
        l.put("operands", layer.operands());
        l.put("poolFirst", layer.poolFirst());
        l.put("pooling", layer.pooling().name());
        putWindow(l, "pool", layer.pool());
        putWindow(l, "poolStride", layer.poolStride());
        putWindow(l, "kernel", layer.kernel());
        putWindow(l, "padding", layer.padding());
        putWindow(l, "stride", layer.stride());
        putWindow(l, "dilation", layer.dilation());
        putWindow(l, "outputPadding", layer.outputPadding());
        l.put("convGroups", layer.convGroups());
        l.put("flatten", layer.flatten());
        l.put("outputChannels", layer.outputChannels());
        l.put("weightBits", layer.weightBits());
        l.put("bias", layer.bias());
        l.put("outputShift", layer.outputShift());
        l.put("outputWidth", layer.outputWidth());
        l.put("activation", layer.activation().name());
        l.put("output", layer.output());
        ObjectNode m = l.putObject("mapping");
        m.put("processors", hex(layer.mapping().processors()));
        m.put("outputProcessors", hex(layer.mapping().outputProcessors()));
        m.put("inOffset", layer.mapping().inOffset());
        m.put("outOffset", layer.mapping().outOffset());
        m.put("writeGap", layer.mapping().writeGap());
    }

    /** A 64-bit mask as 0x + 16 hex digits: JSON numbers lose precision beyond 2^53. */
    static String hex(long mask) {
        return String.format("0x%016x", mask);
    }

    private static void putWindow(ObjectNode l, String field, Window w) {
        putInts(l.putArray(field), new int[] {w.height(), w.width()});
    }

    private static void putInts(ArrayNode array, int[] values) {
        for (int v : values) {
            array.add(v);
        }
    }

    private static void putRegion(ObjectNode region, int offset, int count) {
        region.put("offset", offset);
        region.put("count", count);
    }

    /** Header, manifest, blob and CRC; package-private so tests can build hostile packages. */
    static byte[] assemble(byte[] manifest, byte[] blob) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + manifest.length + blob.length + TRAILER_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) MAJOR_VERSION).putShort((short) MINOR_VERSION)
                .putInt(manifest.length).putLong(blob.length).put(manifest).put(blob);
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    /** Reads a package with the default limits. */
    public static Model read(byte[] bytes) {
        return read(bytes, PackageLimits.DEFAULT);
    }

    /**
     * Reads a package from untrusted bytes: every length, offset, version and field is checked
     * before use, and the model is rebuilt through the validating constructors of {@link Layer},
     * {@link Network} and {@link Model}.
     */
    public static Model read(byte[] bytes, PackageLimits limits) {
        if (bytes.length > limits.maxPackageBytes()) {
            throw new MalformedModelPackageException("model package: " + bytes.length + " bytes exceeds the limit of "
                    + limits.maxPackageBytes());
        }
        if (bytes.length < HEADER_BYTES + TRAILER_BYTES) {
            throw new MalformedModelPackageException("model package: truncated: " + bytes.length
                    + " bytes, the header and checksum alone need " + (HEADER_BYTES + TRAILER_BYTES));
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new MalformedModelPackageException("model package: bad magic (not a Synergy model package)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = in.getShort(8) & 0xffff;
        int minor = in.getShort(10) & 0xffff;
        if (major != MAJOR_VERSION) {
            throw new MalformedModelPackageException("model package: format version " + major + "." + minor
                    + " is not supported; this reader reads " + MAJOR_VERSION + ".x");
        }
        long manifestLength = in.getInt(12) & 0xffffffffL;
        long blobLength = in.getLong(16);
        if (manifestLength > limits.maxManifestBytes()) {
            throw new MalformedModelPackageException("model package: manifest of " + manifestLength
                    + " bytes exceeds the limit of " + limits.maxManifestBytes());
        }
        long expected = HEADER_BYTES + manifestLength + blobLength + TRAILER_BYTES;
        if (blobLength < 0 || expected != bytes.length) {
            throw new MalformedModelPackageException("model package: header declares a " + manifestLength
                    + "-byte manifest and a " + blobLength + "-byte blob (" + expected + " bytes in all), but the file has "
                    + bytes.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - TRAILER_BYTES);
        if ((int) crc.getValue() != in.getInt(bytes.length - TRAILER_BYTES)) {
            throw new MalformedModelPackageException("model package: CRC-32 mismatch (the file is corrupted)");
        }
        byte[] manifest = Arrays.copyOfRange(bytes, HEADER_BYTES, HEADER_BYTES + (int) manifestLength);
        int blobStart = HEADER_BYTES + (int) manifestLength;
        byte[] blob = Arrays.copyOfRange(bytes, blobStart, blobStart + (int) blobLength);
        return new ManifestReader(JSON, limits, minor > MINOR_VERSION).read(manifest, blob);
    }
}
