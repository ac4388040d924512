package io.synergy.registry.application;

import io.synergy.contracts.Identifier;
import io.synergy.core.network.Model;
import io.synergy.core.network.ai8x.Ai8xImporter;
import io.synergy.core.network.ai8x.Ai8xNetworkDescription;
import io.synergy.core.network.ai8x.Checkpoint;
import io.synergy.core.network.ai8x.CheckpointLimits;
import io.synergy.core.network.ai8x.ModelImportException;
import io.synergy.core.network.pack.MalformedModelPackageException;
import io.synergy.core.network.pack.ModelPackage;
import io.synergy.core.network.pack.PackageLimits;
import io.synergy.core.tensor.Shape;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns untrusted uploads into a {@link Model}: sizes first, then the core's own checks (the ai8x
 * importer's and the model package reader's). Every failure is an {@link InvalidInputException}
 * naming the field; nothing here touches the store.
 */
public final class ModelImport {

    static final String INVALID_MODEL = "invalid-model";
    static final String TOO_LARGE = "too-large";

    /** "C x H x W" or "C x L" (1-D inputs: width 1), 'x' separated, e.g. "3x32x32". */
    private static final Pattern INPUT_SHAPE = Pattern.compile("([0-9]{1,6})x([0-9]{1,6})(?:x([0-9]{1,6}))?");

    private final ImportLimits limits;

    public ImportLimits limits() {
        return limits;
    }

    public ModelImport(ImportLimits limits) {
        this.limits = limits;
    }

    /**
     * Imports an ai8x network description and quantized checkpoint.
     *
     * @param name       the registry name; must be a legal id
     * @param inputShape e.g. "3x32x32"
     */
    public Model fromAi8x(String name, byte[] yaml, byte[] checkpoint, String inputShape) {
        requireName(name);
        requireSize("yaml", yaml, limits.maxYamlBytes());
        requireSize("checkpoint", checkpoint, limits.maxCheckpointBytes());
        Shape shape = parseInputShape(inputShape);
        Ai8xNetworkDescription description;
        try {
            description = Ai8xNetworkDescription.parse(utf8("yaml", yaml));
        } catch (ModelImportException | IllegalArgumentException e) {
            throw new InvalidInputException(INVALID_MODEL, "yaml", "yaml: " + e.getMessage());
        }
        Checkpoint parsed;
        try {
            parsed = Checkpoint.read(checkpoint, checkpointLimits(), "checkpoint");
        } catch (ModelImportException | IllegalArgumentException e) {
            throw new InvalidInputException(INVALID_MODEL, "checkpoint", "checkpoint: " + e.getMessage());
        }
        Model model;
        try {
            model = Ai8xImporter.importModel(name, description, parsed, shape).model();
        } catch (ModelImportException | IllegalArgumentException e) {
            // the description and the checkpoint disagree, or the shapes do not follow from the input shape
            throw new InvalidInputException(INVALID_MODEL, "checkpoint", e.getMessage());
        }
        packageOf(model);
        return model;
    }

    /** Reads a Synergy model package (docs/model-package.md). */
    public Model fromPackage(byte[] content) {
        requireSize("modelPackage", content, limits.maxPackageBytes());
        Model model;
        try {
            model = ModelPackage.read(content, packageLimits());
        } catch (MalformedModelPackageException e) {
            throw new InvalidInputException(INVALID_MODEL, "modelPackage", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(INVALID_MODEL, "modelPackage", "model package: " + e.getMessage());
        }
        requireName(model.name());
        return model;
    }

    /** The package bytes of an imported model, refused when they would not fit on the models topic. */
    public byte[] packageOf(Model model) {
        byte[] content = ModelPackage.write(model);
        if (content.length > limits.maxPackageBytes()) {
            throw new InvalidInputException(TOO_LARGE, "checkpoint", limits.maxPackageBytes() + " bytes",
                    "checkpoint: the imported model's package is " + content.length
                            + " bytes, more than the limit of " + limits.maxPackageBytes() + " bytes");
        }
        return content;
    }

    /** Parses "CxHxW" (or "CxL"), e.g. "3x32x32". */
    public static Shape parseInputShape(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(INVALID_MODEL, "inputShape", "inputShape: required, e.g. 3x32x32");
        }
        Matcher m = INPUT_SHAPE.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException(INVALID_MODEL, "inputShape", "inputShape: '" + abbreviate(text)
                    + "' must be channels x height x width (e.g. 3x32x32) or channels x length (e.g. 128x128)");
        }
        int width = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        try {
            return new Shape(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), width);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(INVALID_MODEL, "inputShape", "inputShape: " + e.getMessage());
        }
    }

    private static void requireName(String name) {
        try {
            Identifier.require("name", name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(INVALID_MODEL, "name", Identifier.MAX_LENGTH + " characters",
                    e.getMessage());
        }
    }

    private static void requireSize(String field, byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(INVALID_MODEL, field, field + ": required, got nothing");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException(TOO_LARGE, field, maxBytes + " bytes", field + ": " + content.length
                    + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
    }

    private static String utf8(String field, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(INVALID_MODEL, field, field + ": not UTF-8 text");
        }
    }

    private CheckpointLimits checkpointLimits() {
        CheckpointLimits d = CheckpointLimits.DEFAULT;
        return new CheckpointLimits(limits.maxCheckpointBytes(), d.maxUncompressedBytes(), d.maxEntries(),
                d.maxPickleBytes(), d.maxNesting());
    }

    private PackageLimits packageLimits() {
        PackageLimits d = PackageLimits.DEFAULT;
        return new PackageLimits(limits.maxPackageBytes(), Math.min(d.maxManifestBytes(), limits.maxPackageBytes()),
                d.maxLayers());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
