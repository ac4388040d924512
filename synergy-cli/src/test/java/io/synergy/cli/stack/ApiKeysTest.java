package io.synergy.cli.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    @TempDir
    Path home;

    @Test
    void theFirstStartWritesTwoDistinctRandomKeysReadableByTheOwnerOnly() throws IOException {
        ApiKeys keys = ApiKeys.loadOrCreate(new StackHome(home));

        Path file = home.resolve("api-keys.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(keys.admin()).startsWith("syn_").hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(keys.inference());
        assertThat(ApiKeys.read(new StackHome(home))).isEqualTo(keys);
    }

    @Test
    void laterStartsKeepTheKeysSoRunningClientsStayValid() {
        ApiKeys first = ApiKeys.loadOrCreate(new StackHome(home));
        assertThat(ApiKeys.loadOrCreate(new StackHome(home))).isEqualTo(first);
        assertThat(ApiKeys.generate()).isNotEqualTo(first);
    }

    @Test
    void theGatewayIsGivenTheSha256HashesAndNeverTheKeys() throws IOException {
        assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        ApiKeys keys = ApiKeys.loadOrCreate(new StackHome(home));
        String arguments = String.join(" ", keys.gatewayArguments());
        assertThat(arguments).contains("--synergy.api.keys.admin=" + ApiKeys.hash(keys.admin()))
                .contains("--synergy.api.keys.inference=" + ApiKeys.hash(keys.inference()))
                .doesNotContain(keys.admin()).doesNotContain(keys.inference());
        assertThat(Files.readString(home.resolve("api-keys.properties"), StandardCharsets.UTF_8)).contains(keys.admin());
        assertThat(keys.toString()).doesNotContain(keys.admin());
    }
}
