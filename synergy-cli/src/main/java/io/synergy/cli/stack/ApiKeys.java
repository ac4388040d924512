package io.synergy.cli.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The local stack's two API keys (scope {@code admin} and scope {@code inference}), kept in
 * {@code <stack home>/api-keys.properties} with mode 0600. The api-gateway is given only their
 * SHA-256 hashes. Keys are 256 random bits, so a plain digest is a safe stored form.
 */
public record ApiKeys(String admin, String inference) {

    public static final String FILE_NAME = "api-keys.properties";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiKeys {
        if (admin == null || admin.isBlank() || inference == null || inference.isBlank()) {
            throw new IllegalArgumentException("API keys: both admin and inference must be set");
        }
    }

    /** Two fresh keys: 32 random bytes each, URL-safe base64 after a {@code syn_} prefix. */
    public static ApiKeys generate() {
        return new ApiKeys(newKey(), newKey());
    }

    /** The keys in {@code home}, written there first (mode 0600) when there are none yet. */
    public static ApiKeys loadOrCreate(StackHome home) {
        Path file = home.apiKeysFile();
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        ApiKeys keys = generate();
        keys.write(file);
        return keys;
    }

    /** The keys of a running stack. */
    public static ApiKeys read(StackHome home) {
        return read(home.apiKeysFile());
    }

    public static ApiKeys read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("no API keys found (" + file + " cannot be read): start the stack with bin/synergy up",
                    e);
        }
        return new ApiKeys(properties.getProperty("admin"), properties.getProperty("inference"));
    }

    /** Hex SHA-256 of a key's UTF-8 bytes: the form the api-gateway stores ({@code synergy.api.keys.*}). */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The api-gateway's arguments: the hashes, never the keys. */
    public List<String> gatewayArguments() {
        return List.of("--synergy.api.keys.admin=" + hash(admin), "--synergy.api.keys.inference=" + hash(inference));
    }

    private void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("admin", admin);
        properties.setProperty("inference", inference);
        try {
            Files.createDirectories(file.getParent());
            createOwnerOnly(file);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "API keys of the local stack: send one as 'Authorization: Bearer <key>'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates the file readable by its owner only before any secret is written to it. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    private static String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return "syn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "ApiKeys[admin=***, inference=***]";
    }
}
