package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.core.Version;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The proxy's one command line, as the executable jar runs it: flags, help, version, exit codes, and
 * the library's errors worded with the flags' names. The runs here never start serving.
 */
class ProxyCommandTest {
    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "2m, PT2M", "30, PT30S", " 2M , PT2M", "1500MS, PT1.5S"})
    void durationsAreMillisecondsSecondsMinutesOrBareSeconds(String typed, String expected) {
        assertThat(new ProxyCommand.DurationConverter().convert(typed)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "1.5s", "", "ms", "2h", "999999999999999999m"})
    void aValueThatIsNotADurationIsRefusedNamingIt(String typed) {
        assertThatThrownBy(() -> new ProxyCommand.DurationConverter().convert(typed))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessage("\"" + typed + "\" is not a duration; expected e.g. 500ms, 30s, 2m or 30");
    }

    @Test
    void aBadDurationIsAUsageErrorNamingTheFlag() {
        StartupTest.Launched launched = StartupTest.launch("--body-timeout", "soon");

        assertThat(launched.exitCode()).isEqualTo(2);
        assertThat(launched.err().lines().findFirst())
                .hasValue("regshift-proxy: Invalid value for option '--body-timeout':"
                        + " \"soon\" is not a duration; expected e.g. 500ms, 30s, 2m or 30");
    }

    @Test
    void aSettingOutOfRangeIsNamedByItsFlagAndTheValueAsTyped() {
        StartupTest.Launched launched = StartupTest.launch("--max-deprecated-calls", "0", "--shutdown-timeout", "0s");

        assertThat(launched.exitCode()).isEqualTo(2);
        assertThat(launched.err().lines())
                .singleElement()
                .asString()
                .isEqualTo("regshift-proxy: error: --shutdown-timeout must be positive, was 0s");
    }

    @Test
    void aTimeoutTooLargeForTheServersIsNamedByItsFlag() {
        StartupTest.Launched launched = StartupTest.launch("--upstream-timeout", "9223372036854775807s");

        assertThat(launched.exitCode()).isEqualTo(2);
        assertThat(launched.err().lines())
                .singleElement()
                .asString()
                .isEqualTo("regshift-proxy: error: --upstream-timeout must be at most 1 day, was 9223372036854775807s");
    }

    @Test
    void anUnknownFlagIsNamedWithoutItsValueAndExitCode2() {
        StartupTest.Launched launched = StartupTest.launch("--port=8787");

        assertThat(launched.exitCode()).isEqualTo(2);
        assertThat(launched.err().lines())
                .containsExactly(
                        "regshift-proxy: unknown option '--port' (values not shown)",
                        "Try '--help' for more information.");
        assertThat(launched.out()).isEmpty();
    }

    @Test
    void helpStatesTheExitCodesTheJvmGivesOnASignal() {
        StartupTest.Launched launched = StartupTest.launch("--help");

        assertThat(launched.exitCode()).isZero();
        assertThat(launched.out()).startsWith("Usage: java -jar regshift-legacy-proxy-VERSION-all.jar ");
        assertThat(launched.out().replaceAll("\\s+", " "))
                .contains("143 for SIGTERM, 130 for SIGINT", "Durations: 500ms, 30s, 2m")
                .doesNotContain("0 stopped");
    }

    @Test
    void versionNamesTheBuild() {
        StartupTest.Launched launched = StartupTest.launch("--version");

        assertThat(launched.exitCode()).isZero();
        assertThat(launched.out()).isEqualTo("regshift " + Version.get() + "\n");
    }
}
