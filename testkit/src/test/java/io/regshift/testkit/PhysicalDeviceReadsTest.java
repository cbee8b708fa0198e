package io.regshift.testkit;

import static io.regshift.testkit.Http.authorizedGet;
import static io.regshift.testkit.Http.result;
import static io.regshift.testkit.Http.resultInfo;
import static io.regshift.testkit.Http.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.regshift.testkit.FakeRegistration.Policy;
import io.regshift.testkit.FakeRegistration.User;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PhysicalDeviceReadsTest {
    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.create();

    private static final String DEVICES = "/accounts/acc/devices/physical-devices";

    private static List<Object> ids(HttpResponse<String> response) {
        return results(response).stream().map(r -> r.get("id")).collect(Collectors.toList());
    }

    /** A device with one active registration, so that the default list shows it. */
    private static void givenInUse(FakePhysicalDevice device) {
        cloudflare.givenPhysicalDevices("acc", device);
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("reg-" + device.id(), device.id()).build());
    }

    @Test
    void getAnswersThePhysicalDeviceObjectWithEveryField() {
        givenInUse(FakePhysicalDevice.builder("d1")
                .name("laptop")
                .createdAt("2025-01-02T03:04:05Z")
                .updatedAt("2025-02-02T03:04:05Z")
                .lastSeenAt("2025-03-02T03:04:05Z")
                .clientVersion("2025.9.1")
                .deviceType("mac")
                .hardwareId("hw-1")
                .macAddress("00:11:22:33:44:55")
                .manufacturer("Apple")
                .model("MacBookPro18,3")
                .osVersion("15.1")
                .osVersionExtra("(a)")
                .publicIp("203.0.113.7")
                .serialNumber("C02XYZ")
                .lastSeenUser(User.of("u1", "ann@example.com", "Ann"))
                .build());

        Map<String, Object> d = result(authorizedGet(cloudflare, DEVICES + "/d1"));

        assertThat(d)
                .containsExactly(
                        entry("id", "d1"),
                        entry("name", "laptop"),
                        entry("created_at", "2025-01-02T03:04:05Z"),
                        entry("updated_at", "2025-02-02T03:04:05Z"),
                        entry("last_seen_at", "2025-03-02T03:04:05Z"),
                        entry("deleted_at", null),
                        entry("active_registrations", 1),
                        entry("client_version", "2025.9.1"),
                        entry("device_type", "mac"),
                        entry("hardware_id", "hw-1"),
                        entry("mac_address", "00:11:22:33:44:55"),
                        entry("manufacturer", "Apple"),
                        entry("model", "MacBookPro18,3"),
                        entry("os_version", "15.1"),
                        entry("os_version_extra", "(a)"),
                        entry("public_ip", "203.0.113.7"),
                        entry("serial_number", "C02XYZ"),
                        entry("last_seen_user", Map.of("id", "u1", "email", "ann@example.com", "name", "Ann")));
    }

    @Test
    void anUnknownPhysicalDeviceIsA404Envelope() {
        HttpResponse<String> response = authorizedGet(cloudflare, DEVICES + "/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"success\":false").contains("nope");
    }

    @Test
    void activeRegistrationsCountsTheRegistrationsNeitherRevokedNorDeleted() {
        cloudflare.givenPhysicalDevices("acc", FakePhysicalDevice.builder("d1").build());
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("a", "d1").build(),
                FakeRegistration.builder("b", "d1").build(),
                FakeRegistration.builder("c", "d1")
                        .revokedAt("2025-01-01T00:00:00Z")
                        .build(),
                FakeRegistration.builder("d", "d1")
                        .deletedAt("2025-01-01T00:00:00Z")
                        .build(),
                FakeRegistration.builder("e", "d2").build());

        assertThat(result(authorizedGet(cloudflare, DEVICES + "/d1"))).containsEntry("active_registrations", 2);
        cloudflare.givenRevoked("acc", "a");
        assertThat(result(authorizedGet(cloudflare, DEVICES + "/d1"))).containsEntry("active_registrations", 1);
    }

    @Test
    void theListShowsOnlyDevicesWithActiveRegistrationsUnlessAskedOtherwise() {
        givenInUse(FakePhysicalDevice.builder("used").build());
        cloudflare.givenPhysicalDevices(
                "acc", FakePhysicalDevice.builder("idle").build());

        assertThat(ids(authorizedGet(cloudflare, DEVICES))).containsExactly("used");
        assertThat(ids(authorizedGet(cloudflare, DEVICES + "?active_registrations=include")))
                .containsExactly("used", "idle");
        assertThat(ids(authorizedGet(cloudflare, DEVICES + "?active_registrations=exclude")))
                .containsExactly("idle");
    }

    @Test
    void cursorsLeadThroughEveryPage() {
        for (int i = 1; i <= 3; i++) {
            givenInUse(FakePhysicalDevice.builder("d" + i).build());
        }

        HttpResponse<String> first = authorizedGet(cloudflare, DEVICES + "?per_page=2");
        HttpResponse<String> second = authorizedGet(
                cloudflare, DEVICES + "?per_page=2&cursor=" + resultInfo(first).get("cursor"));

        assertThat(ids(first)).containsExactly("d1", "d2");
        assertThat(ids(second)).containsExactly("d3");
        assertThat(resultInfo(second))
                .containsExactly(entry("count", 1), entry("cursor", ""), entry("per_page", 2), entry("total_count", 3));
    }

    @Test
    void filtersByIdAndLastSeenUserEmailAndSortsByName() {
        givenInUse(FakePhysicalDevice.builder("d1")
                .name("zeta")
                .lastSeenUser(User.of(null, "ann@example.com", null))
                .build());
        givenInUse(FakePhysicalDevice.builder("d2").name("alpha").build());
        givenInUse(FakePhysicalDevice.builder("d3").name("mid").build());

        assertThat(ids(authorizedGet(cloudflare, DEVICES + "?id=d3&id=d1"))).containsExactly("d1", "d3");
        assertThat(ids(authorizedGet(cloudflare, DEVICES + "?last_seen_user.email=ann%40example.com")))
                .containsExactly("d1");
        assertThat(ids(authorizedGet(cloudflare, DEVICES + "?sort_by=name"))).containsExactly("d2", "d3", "d1");
    }

    @Test
    void perPageAbove1000IsRefused() {
        HttpResponse<String> response = authorizedGet(cloudflare, DEVICES + "?per_page=1001");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("per_page");
    }

    @Test
    void theLastSeenRegistrationPolicyIsServedOnlyWhenIncluded() {
        givenInUse(FakePhysicalDevice.builder("d1")
                .lastSeenRegistrationPolicy(Policy.of("p1", "Default", true, false, "2025-01-01T00:00:00Z"))
                .build());

        assertThat(result(authorizedGet(cloudflare, DEVICES + "/d1"))).doesNotContainKey("last_seen_registration");
        assertThat(result(authorizedGet(cloudflare, DEVICES + "/d1?include=last_seen_registration.policy")))
                .containsKey("last_seen_registration");
    }

    @Test
    void liveSubresourcesOfDevicesAreNotOldDeviceIds() {
        for (String path : List.of("/accounts/acc/devices/policy", "/accounts/acc/devices/posture")) {
            HttpResponse<String> response = authorizedGet(cloudflare, path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("7003");
            assertThat(cloudflare.calls())
                    .last()
                    .extracting(RecordedCall::route)
                    .isEqualTo(FakeCloudflare.Route.OTHER);
        }
    }
}
