package io.synergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code synergy bench soak}'s command line: options outside their limits are refused with the
 * option's name and the limit before any stack is looked for or started.
 */
class BenchSoakCommandTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--minutes|0|--minutes: must be > 0",
        "--minutes|-3|--minutes: must be > 0",
        "--rate|0|--rate: must be > 0",
        "--max-outstanding|0|--max-outstanding: must be 1..256",
        "--time-scale|0|--time-scale: must be > 0",
        "--churn-every|-1|--churn-every: must be >= 0",
        "--rejoin-after|0|--rejoin-after: must be >= 1",
        "--sample-every|0|--sample-every: must be >= 1",
        "--request-timeout|0|--request-timeout: must be 1..600",
        "--drain-seconds|-1|--drain-seconds: must be >= 0",
        "--warmup-seconds|-1|--warmup-seconds: must be >= 0"})
    void anOptionOutsideItsLimitIsRefusedByNameBeforeAnyStackIsTouched(String option, String value, String error) {
        CliRun run = CliRun.of("bench", "soak", "--home", home.toString(), option, value, "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(error).contains("got");
        assertThat(run.out()).isEmpty();
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void aNonNumericMinutesIsAUsageError() {
        CliRun run = CliRun.of("bench", "soak", "--minutes", "ten");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--minutes");
    }

    @Test
    void helpNamesTheChurnAndOutputOptions() {
        CliRun run = CliRun.of("bench", "soak", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--minutes", "--churn-every", "--rejoin-after", "--json", "--out");
    }
}
