package io.regshift.testkit;

import static io.regshift.testkit.Http.authorizedGet;
import static io.regshift.testkit.Http.json;
import static io.regshift.testkit.Http.result;
import static io.regshift.testkit.Http.resultInfo;
import static io.regshift.testkit.Http.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.regshift.testkit.FakeRegistration.User;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The old GET endpoints before their end of life: old shapes, built from the new state. */
class LegacyReadsTest {
    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder()
            .legacyMode(FakeCloudflare.LegacyMode.BEFORE_END_OF_LIFE)
            .build();

    private static final FakeRegistration JOINED = FakeRegistration.builder("r1", "d1")
            .deviceName("laptop")
            .clientVersion("2025.9.1")
            .createdAt("2025-01-02T03:04:05Z")
            .updatedAt("2025-02-02T03:04:05Z")
            .lastSeenAt("2025-03-02T03:04:05Z")
            .revokedAt("2025-04-02T03:04:05Z")
            .key("pubkey")
            .user(User.of("u1", "ann@example.com", "Ann"))
            .overrideCode("3600", "1111111")
            .overrideCode("86400", "2424242")
            .overrideCode("90", "odd")
            .build();

    private static final FakePhysicalDevice MACHINE = FakePhysicalDevice.builder("d1")
            .name("physical name")
            .deviceType("mac")
            .macAddress("00:11:22:33:44:55")
            .manufacturer("Apple")
            .model("MacBookPro18,3")
            .osVersion("15.1")
            .osVersionExtra("(a)")
            .publicIp("203.0.113.7")
            .serialNumber("C02XYZ")
            .build();

    @Test
    void anOldDeviceIsTheRegistrationJoinedWithItsPhysicalDevice() {
        cloudflare.givenRegistrations("acc", JOINED).givenPhysicalDevices("acc", MACHINE);

        Map<String, Object> device = result(authorizedGet(cloudflare, "/accounts/acc/devices/r1"));

        assertThat(device)
                .containsExactly(
                        entry("id", "r1"),
                        entry("created", "2025-01-02T03:04:05Z"),
                        entry("updated", "2025-02-02T03:04:05Z"),
                        entry("last_seen", "2025-03-02T03:04:05Z"),
                        entry("deleted", false),
                        entry("revoked_at", "2025-04-02T03:04:05Z"),
                        entry("key", "pubkey"),
                        entry("name", "laptop"),
                        entry("device_type", "mac"),
                        entry("ip", "203.0.113.7"),
                        entry("mac_address", "00:11:22:33:44:55"),
                        entry("manufacturer", "Apple"),
                        entry("model", "MacBookPro18,3"),
                        entry("os_version", "15.1"),
                        entry("os_version_extra", "(a)"),
                        entry("serial_number", "C02XYZ"),
                        entry("version", "2025.9.1"),
                        entry("user", Map.of("id", "u1", "email", "ann@example.com", "name", "Ann")));
    }

    @Test
    void withoutItsPhysicalDeviceAnOldDeviceLacksThePhysicalFields() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("r1", "d1")
                        .deletedAt("2025-05-05T00:00:00Z")
                        .build());

        Map<String, Object> device = result(authorizedGet(cloudflare, "/accounts/acc/devices/r1"));

        assertThat(device)
                .containsOnlyKeys("id", "created", "updated", "last_seen", "deleted", "key", "name")
                .containsEntry("deleted", true);
    }

    @Test
    void theOldListIsEveryRegistrationOnOnePage() {
        cloudflare.givenRegistrations(
                "acc",
                JOINED,
                FakeRegistration.builder("r2", "d2").build(),
                FakeRegistration.builder("r3", "d3")
                        .deletedAt("2025-05-05T00:00:00Z")
                        .build());

        HttpResponse<String> response = authorizedGet(cloudflare, "/accounts/acc/devices");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(results(response)).extracting(d -> d.get("id")).containsExactly("r1", "r2", "r3");
        assertThat(resultInfo(response))
                .containsExactly(entry("count", 3), entry("page", 1), entry("per_page", 3), entry("total_count", 3));
    }

    @Test
    void oldOverrideCodesAreKeyedByHours() {
        cloudflare.givenRegistrations("acc", JOINED);

        HttpResponse<String> response = authorizedGet(cloudflare, "/accounts/acc/devices/r1/override_codes");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(result(response))
                .containsExactly(entry("disable_for_time", Map.of("1", "1111111", "24", "2424242")));
    }

    @Test
    void anUnknownOldDeviceIsA404Envelope() {
        HttpResponse<String> response = authorizedGet(cloudflare, "/accounts/acc/devices/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response)).containsEntry("success", false);
    }

    @Test
    void oldReadsNeedCredentials() {
        cloudflare.givenRegistrations("acc", JOINED);

        assertThat(Http.get(cloudflare, "/accounts/acc/devices").statusCode()).isEqualTo(403);
    }
}
