package io.synergy.executor.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property: no mutant of a valid inference body, JSON or binary, makes the reader hang, run out of
 * memory or throw anything but {@link OipFormatException}. Mutations work on bytes (flips, cuts,
 * noise), on JSON tokens (numbers replaced by extremes, strings by long or odd ones, brackets
 * dropped or nested thousands deep) and on the binary header length.
 */
class OipRequestReaderFuzzTest {

    private static final Duration NO_HANG = Duration.ofSeconds(20);
    private static final int CASES = 200;
    private static final OipLimits LIMITS = new OipLimits(65_536, 1024);
    private static final String JSON = "{\"id\":\"req-1\",\"parameters\":{\"timeout_ms\":500,\"binary_data_output\":false},"
            + "\"inputs\":[{\"name\":\"input\",\"shape\":[1,2,2],\"datatype\":\"INT8\",\"data\":[1,-2,3,-4]}],"
            + "\"outputs\":[{\"name\":\"output\"}]}";
    private static final String BINARY_HEADER = "{\"inputs\":[{\"name\":\"input\",\"shape\":[2,2,2],\"datatype\":\"INT8\","
            + "\"parameters\":{\"binary_data_size\":8}}],\"parameters\":{\"binary_data_output\":true}}";
    private static final String[] EXTREMES = {"-1", "0", "2147483647", "-2147483648", "9223372036854775808",
            "1e999", "-0.0", "null", "true", "\"x\"", "[]", "{}"};

    private final OipRequestReader reader = new OipRequestReader(LIMITS);

    enum Kind { FLIP_BYTES, TRUNCATE, NOISE, EXTREME_NUMBER, ODD_STRING, DROP_BRACKET, DEEP_NESTING, HEADER_LENGTH }

    static LongStream seeds() {
        return LongStream.range(0, CASES);
    }

    @ParameterizedTest(name = "json mutant {0}")
    @MethodSource("seeds")
    void aMutatedJsonBodyIsReadOrRejectedWithAnOipError(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Kind kind = Kind.values()[(int) (seed % Kind.values().length)];
        byte[] body = kind == Kind.HEADER_LENGTH ? bytes(JSON) : mutateJson(JSON, kind, random);
        Integer headerLength = kind == Kind.HEADER_LENGTH ? random.nextInt(-4, body.length + 8) : null;
        assertReadOrRejected(body, headerLength, seed, kind);
    }

    @ParameterizedTest(name = "binary mutant {0}")
    @MethodSource("seeds")
    void aMutatedBinaryBodyIsReadOrRejectedWithAnOipError(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Kind kind = Kind.values()[(int) (seed % Kind.values().length)];
        byte[] header = kind == Kind.HEADER_LENGTH ? bytes(BINARY_HEADER) : mutateJson(BINARY_HEADER, kind, random);
        byte[] tensor = new byte[random.nextInt(0, 16)];
        random.nextBytes(tensor);
        byte[] body = Arrays.copyOf(header, header.length + tensor.length);
        System.arraycopy(tensor, 0, body, header.length, tensor.length);
        int headerLength = kind == Kind.HEADER_LENGTH ? random.nextInt(-4, body.length + 8) : header.length;
        assertReadOrRejected(body, headerLength, seed, kind);
    }

    private void assertReadOrRejected(byte[] body, Integer headerLength, long seed, Kind kind) {
        assertTimeoutPreemptively(NO_HANG, () -> {
            try {
                assertThat(reader.read(body, headerLength).input()).isNotNull();
            } catch (OipFormatException e) {
                assertThat(e.getMessage()).as("seed %d (%s)", seed, kind).isNotBlank();
            }
        }, () -> "seed " + seed + " (" + kind + ") did not finish in " + NO_HANG);
    }

    private static byte[] mutateJson(String json, Kind kind, SplittableRandom random) {
        byte[] bytes = bytes(json);
        switch (kind) {
            case FLIP_BYTES -> {
                for (int i = 1 + random.nextInt(6); i > 0; i--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                return bytes;
            }
            case TRUNCATE -> {
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case NOISE -> {
                byte[] noise = new byte[random.nextInt(1, 2 * bytes.length)];
                random.nextBytes(noise);
                return noise;
            }
            case EXTREME_NUMBER -> {
                return bytes(replaceOne(json, "-?[0-9]+", EXTREMES[random.nextInt(EXTREMES.length)], random));
            }
            case ODD_STRING -> {
                String odd = switch (random.nextInt(4)) {
                    case 0 -> "\"" + "a".repeat(random.nextInt(1, 70_000)) + "\"";
                    case 1 -> "\"\\u0000\\ud800\"";
                    case 2 -> "\"INT64\"";
                    default -> "\"" + "é".repeat(random.nextInt(1, 100)) + "\"";
                };
                return bytes(replaceOne(json, "\"[^\"]*\"", odd, random));
            }
            case DROP_BRACKET -> {
                return bytes(replaceOne(json, "[\\[\\]{}]", "", random));
            }
            case DEEP_NESTING -> {
                int depth = random.nextInt(100, 20_000);
                String deep = "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2);
                return bytes(replaceOne(json, "\\[1,-2,3,-4\\]|\\[1,2,2\\]|\\[2,2,2\\]|8", deep, random));
            }
            default -> throw new IllegalStateException("no JSON mutation for " + kind);
        }
    }

    /** Replaces one randomly chosen match of {@code regex} (the text unchanged when none matches). */
    private static String replaceOne(String text, String regex, String replacement, SplittableRandom random) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        if (count == 0) {
            return text;
        }
        int chosen = random.nextInt(count);
        matcher.reset();
        for (int i = 0; i <= chosen; i++) {
            matcher.find();
        }
        return text.substring(0, matcher.start()) + replacement + text.substring(matcher.end());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
