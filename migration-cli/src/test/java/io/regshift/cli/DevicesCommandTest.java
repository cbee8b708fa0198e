package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.CloudflareJson;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakeCloudflare.Route;
import io.regshift.testkit.FakePhysicalDevice;
import io.regshift.testkit.FakeRegistration;
import io.regshift.testkit.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DevicesCommandTest {
    static final String TOKEN = "devices-token-4c1d9e";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    @TempDir
    Path dir;

    private static Cli run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new PrintWriter(out, true), new PrintWriter(err, true), env, InputStream.nullInputStream(), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    private static Cli run(String... args) {
        return run(Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", cloudflare.baseUrl()), args);
    }

    private static void givenAnnAndBob() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("reg-ann", "dev-ann")
                        .deviceName("ann-laptop")
                        .clientVersion("2025.9.1")
                        .user(FakeRegistration.User.of("u-1", "ann@example.com", "Ann"))
                        .lastSeenAt("2025-10-01T09:00:00Z")
                        .build(),
                FakeRegistration.builder("reg-bob", "dev-bob")
                        .deviceName("bob, \"the\" desktop")
                        .revokedAt("2025-10-02T00:00:00Z")
                        .build());
        cloudflare.givenPhysicalDevices(
                "acc",
                FakePhysicalDevice.builder("dev-ann")
                        .deviceType("mac")
                        .model("MacBookPro18,3")
                        .osVersion("15.1")
                        .build(),
                FakePhysicalDevice.builder("dev-bob").deviceType("windows").build());
    }

    private static void givenRegistrations(int n) {
        cloudflare.givenRegistrations(
                "acc",
                IntStream.range(0, n)
                        .mapToObj(i ->
                                FakeRegistration.builder("reg-" + i, "dev-" + i).build())
                        .toArray(FakeRegistration[]::new));
    }

    @Test
    void listsEveryRegistrationRevokedOnesTooJoinedWithItsPhysicalDeviceAsATable() {
        givenAnnAndBob();

        Cli cli = run("devices", "list", "--account", "acc");

        assertThat(cli.exit()).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID       STATUS   USER").contains("DEVICE_TYPE");
        assertThat(lines.get(1))
                .startsWith("reg-ann  active   ann@example.com")
                .contains("ann-laptop", "dev-ann", "mac", "MacBookPro18,3", "15.1", "2025.9.1");
        assertThat(lines.get(2)).startsWith("reg-bob  revoked  -").contains("windows");
        assertThat(cli.err()).contains("2 registrations");
        assertThat(cloudflare.calls(Route.REGISTRATIONS_LIST).get(0).url()).contains("status=all");
        assertThat(cloudflare.calls(Route.PHYSICAL_DEVICES_LIST).get(0).url()).contains("active_registrations=include");
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        givenAnnAndBob();

        Cli cli = run("devices", "list", "--account", "acc", "--format", "csv");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out().lines())
                .containsExactly(
                        "id,status,user,device_name,device_id,device_type,model,os_version,client_version,last_seen_at",
                        "reg-ann,active,ann@example.com,ann-laptop,dev-ann,mac,\"MacBookPro18,3\",15.1,2025.9.1,2025-10-01T09:00:00Z",
                        "reg-bob,revoked,,\"bob, \"\"the\"\" desktop\",dev-bob,windows,,,,2025-01-01T00:00:00Z");
    }

    @Test
    void jsonIsAnArrayOfOneObjectPerDevice() throws IOException {
        givenAnnAndBob();

        Cli cli = run("devices", "list", "--account", "acc", "--format", "json");

        assertThat(cli.exit()).as(cli.err()).isZero();
        List<?> devices = (List<?>) CloudflareJson.moshi().adapter(Object.class).fromJson(cli.out());
        assertThat(devices).hasSize(2);
        Map<?, ?> ann = (Map<?, ?>) devices.get(0);
        assertThat(ann.get("id")).isEqualTo("reg-ann");
        assertThat(ann.get("model")).isEqualTo("MacBookPro18,3");
        assertThat(((Map<?, ?>) devices.get(1)).get("status")).isEqualTo("revoked");
    }

    @Test
    void anEmptyAccountIsAnEmptyJsonArray() throws IOException {
        Cli cli = run("devices", "list", "--account", "acc", "--format", "json");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat((List<?>) CloudflareJson.moshi().adapter(Object.class).fromJson(cli.out()))
                .isEmpty();
    }

    @Test
    void everyPageIsFollowed() {
        givenRegistrations(250);

        Cli cli = run("devices", "list", "--account", "acc", "--ids-only");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out().lines()).hasSize(250).startsWith("reg-0", "reg-1").endsWith("reg-249");
        assertThat(cloudflare.calls(Route.REGISTRATIONS_LIST)).hasSize(3);
        assertThat(cloudflare.calls(Route.PHYSICAL_DEVICES_LIST)).isEmpty();
    }

    @Test
    void theIdsOnlyOutputFeedsRevokeIdsFile() throws IOException {
        givenRegistrations(250);
        Path ids = dir.resolve("ids.txt");
        Files.writeString(
                ids, run("devices", "list", "--account", "acc", "--ids-only").out());

        Cli revoke = run("revoke", "--account", "acc", "--ids-file", ids.toString());

        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(cloudflare.revokedIds("acc")).hasSize(250).contains("reg-0", "reg-249");
    }

    @Test
    void theAccountComesFromTheEnvironmentWhenNotGiven() {
        givenRegistrations(2);

        Cli cli = run(
                Map.of(
                        "CLOUDFLARE_API_TOKEN",
                        TOKEN,
                        "CLOUDFLARE_BASE_URL",
                        cloudflare.baseUrl(),
                        "CLOUDFLARE_ACCOUNT_ID",
                        "acc"),
                "devices",
                "list",
                "--ids-only");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out().lines()).containsExactly("reg-0", "reg-1");
    }

    @Test
    void withoutAnAccountTheUsageErrorNamesTheOptionAndTheVariable() {
        Cli cli = run("devices", "list");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("--account ACCOUNT_ID").contains("CLOUDFLARE_ACCOUNT_ID");
    }

    @Test
    void statusActiveLeavesRevokedRegistrationsOut() {
        givenAnnAndBob();

        Cli cli = run("devices", "list", "--account", "acc", "--status", "active", "--ids-only");

        assertThat(cli.out().lines()).containsExactly("reg-ann");
    }

    @Test
    void aFailedPageIsAnErrorNotAShortList() {
        givenRegistrations(250);
        cloudflare.inject(
                Fault.serverError(500).onRoute(Route.REGISTRATIONS_LIST).onPage(2));

        Cli cli = run("devices", "list", "--account", "acc", "--ids-only");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err())
                .contains("GET /client/v4/accounts/acc/devices/registrations (page 2) failed: HTTP 500")
                .contains("nothing more is listed")
                .doesNotContain("250 registrations");
    }

    @Test
    void getShowsOneRegistrationWithItsPhysicalDevice() {
        givenAnnAndBob();

        Cli cli = run("devices", "get", "reg-bob", "--account", "acc", "--format", "csv");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out().lines())
                .element(1)
                .isEqualTo("reg-bob,revoked,,\"bob, \"\"the\"\" desktop\",dev-bob,windows,,,,2025-01-01T00:00:00Z");
    }

    @Test
    void getOfAnUnknownRegistrationExitsOne() {
        Cli cli = run("devices", "get", "nope", "--account", "acc");

        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).contains("the account has no registration nope");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void getShowsARegistrationWhosePhysicalDeviceIsGoneAndSaysSo() {
        cloudflare.givenRegistrations(
                "acc", FakeRegistration.builder("reg-1", "dev-gone").build());

        Cli cli = run("devices", "get", "reg-1", "--account", "acc", "--format", "csv");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("reg-1,active");
        assertThat(cli.err()).contains("without its physical device").contains("HTTP 404");
    }

    @Test
    void refusedCredentialsExitTwoWithoutShowingThem() {
        Cli cli = run(
                Map.of("CLOUDFLARE_API_TOKEN", "wrong-secret-token", "CLOUDFLARE_BASE_URL", cloudflare.baseUrl()),
                "devices",
                "list",
                "--account",
                "acc");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("refused the credentials").doesNotContain("wrong-secret-token");
    }

    @Test
    void withoutCredentialsItSaysWhichVariablesToSet() {
        Cli cli = run(Map.of("CLOUDFLARE_BASE_URL", cloudflare.baseUrl()), "devices", "list", "--account", "acc");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("CLOUDFLARE_API_TOKEN");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aBadAccountIsAUsageErrorBeforeAnyRequest() {
        Cli cli = run("devices", "list", "--account", "a/b");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("account ID \"a/b\"");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli cli = run("devices", "list", "--account", "acc", "--format", "xml");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown --format 'xml'; use table, json or csv");
    }

    @Test
    void devicesAloneAsksForList() {
        Cli cli = run("devices");

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("regshift devices list or regshift devices get ID");
    }

    @Test
    void helpNamesTheExitCodesAndWhereCredentialsComeFrom() {
        for (String sub : List.of("list", "get")) {
            String help = Cli.run("devices", sub, "--help").out().replaceAll("\\s+", " ");

            assertThat(help).contains("Exit codes: 0 printed").contains("never from a flag");
        }
        assertThat(Cli.run("--help").out()).contains("\n  devices ");
    }
}
