package io.synergy.core.network.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a valid input, the kinds a corrupted or hostile upload shows: flipped bits,
 * overwritten bytes, truncation, inserted and duplicated runs, extreme values, and pure noise. The
 * same seed gives the same mutant, so a failing case can be replayed from its seed.
 */
public final class ByteMutations {

    /** The mutation kinds, one per seed modulo their count. */
    public enum Kind {
        FLIP_BITS, OVERWRITE_BYTES, TRUNCATE, INSERT_RANDOM, DUPLICATE_RUN, EXTREME_RUN, DELETE_RUN, NOISE
    }

    private ByteMutations() {
    }

    public static Kind kindOf(long seed) {
        return Kind.values()[(int) Math.floorMod(seed, (long) Kind.values().length)];
    }

    /** The mutant of {@code valid} for {@code seed} (never {@code valid} itself). */
    public static byte[] mutate(byte[] valid, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] out = valid.clone();
        int n = Math.max(1, out.length);
        switch (kindOf(seed)) {
            case FLIP_BITS -> {
                for (int i = 1 + random.nextInt(8); i > 0 && out.length > 0; i--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case OVERWRITE_BYTES -> {
                for (int i = 1 + random.nextInt(16); i > 0 && out.length > 0; i--) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
            case TRUNCATE -> out = Arrays.copyOf(out, random.nextInt(n));
            case INSERT_RANDOM -> {
                int at = random.nextInt(n);
                byte[] run = new byte[1 + random.nextInt(64)];
                random.nextBytes(run);
                out = splice(out, at, 0, run);
            }
            case DUPLICATE_RUN -> {
                int from = random.nextInt(n);
                int length = Math.min(out.length - Math.min(from, out.length), 1 + random.nextInt(256));
                byte[] run = Arrays.copyOfRange(out, Math.min(from, out.length), Math.min(from, out.length) + length);
                out = splice(out, random.nextInt(n), 0, run);
            }
            case EXTREME_RUN -> {
                int at = random.nextInt(n);
                int length = Math.min(out.length - Math.min(at, out.length), 1 + random.nextInt(8));
                Arrays.fill(out, Math.min(at, out.length), Math.min(at, out.length) + length,
                        random.nextBoolean() ? (byte) 0xff : (byte) 0x7f);
            }
            case DELETE_RUN -> {
                int at = random.nextInt(n);
                int length = Math.min(out.length - Math.min(at, out.length), 1 + random.nextInt(64));
                out = splice(out, Math.min(at, out.length), length, new byte[0]);
            }
            case NOISE -> {
                out = new byte[random.nextInt(2 * n + 1)];
                random.nextBytes(out);
            }
            default -> throw new IllegalStateException("unknown kind");
        }
        if (Arrays.equals(out, valid)) {
            out = Arrays.copyOf(valid, valid.length + 1);
        }
        return out;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        int position = Math.min(at, bytes.length);
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, position);
        System.arraycopy(insert, 0, out, position, insert.length);
        System.arraycopy(bytes, position + remove, out, position + insert.length, bytes.length - position - remove);
        return out;
    }
}
