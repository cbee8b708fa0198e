package io.regshift.testkit;

import static io.regshift.testkit.Http.authorizedGet;
import static io.regshift.testkit.Http.json;
import static io.regshift.testkit.Http.result;
import static io.regshift.testkit.Http.resultInfo;
import static io.regshift.testkit.Http.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.regshift.testkit.FakeCloudflare.Route;
import io.regshift.testkit.FakeRegistration.Policy;
import io.regshift.testkit.FakeRegistration.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistrationReadsTest {
    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder()
            .clock(Clock.fixed(Instant.parse("2025-12-01T10:15:30.250Z"), ZoneOffset.UTC))
            .build();

    private static final String REGISTRATIONS = "/accounts/acc/devices/registrations";

    private static FakeRegistration registration(String id) {
        return FakeRegistration.builder(id, "dev-" + id).build();
    }

    private static void given(String... ids) {
        for (String id : ids) {
            cloudflare.givenRegistrations("acc", registration(id));
        }
    }

    private static List<Object> ids(HttpResponse<String> response) {
        return results(response).stream().map(r -> r.get("id")).collect(Collectors.toList());
    }

    private static HttpResponse<String> revoke(String id) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cloudflare.baseUrl() + REGISTRATIONS + "/revoke?id=" + id))
                                .header("Authorization", "Bearer test-token")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsRegistrationsInTheOrderGivenWithCursorResultInfo() {
        given("b", "a", "c");

        HttpResponse<String> response = authorizedGet(cloudflare, REGISTRATIONS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("success", true).containsEntry("errors", List.of());
        assertThat(ids(response)).containsExactly("b", "a", "c");
        assertThat(resultInfo(response))
                .containsExactly(
                        entry("count", 3), entry("cursor", ""), entry("per_page", 20), entry("total_count", 3));
    }

    @Test
    void anAccountWithoutRegistrationsListsAnEmptyLastPage() {
        HttpResponse<String> response = authorizedGet(cloudflare, REGISTRATIONS);

        assertThat(results(response)).isEmpty();
        assertThat(resultInfo(response)).containsEntry("count", 0).containsEntry("cursor", "");
    }

    @Test
    void cursorsLeadThroughEveryPageAndTheLastHasAnEmptyCursor() {
        given("r1", "r2", "r3", "r4", "r5");

        List<Object> seen = new ArrayList<>();
        List<Object> counts = new ArrayList<>();
        String cursor = "";
        do {
            HttpResponse<String> page = authorizedGet(cloudflare, REGISTRATIONS + "?per_page=2&cursor=" + cursor);
            seen.addAll(ids(page));
            counts.add(resultInfo(page).get("count"));
            assertThat(resultInfo(page)).containsEntry("per_page", 2).containsEntry("total_count", 5);
            cursor = (String) resultInfo(page).get("cursor");
        } while (!cursor.isEmpty());

        assertThat(seen).containsExactly("r1", "r2", "r3", "r4", "r5");
        assertThat(counts).containsExactly(2, 2, 1);
    }

    @Test
    void perPageOutsideOneTo1000IsRefusedWithA400Envelope() {
        for (String perPage : List.of("1001", "0", "-1", "ten")) {
            HttpResponse<String> response = authorizedGet(cloudflare, REGISTRATIONS + "?per_page=" + perPage);

            assertThat(response.statusCode()).as(perPage).isEqualTo(400);
            assertThat(json(response)).as(perPage).containsEntry("success", false);
            assertThat(response.body()).as(perPage).contains("per_page").contains("1000");
        }
        assertThat(authorizedGet(cloudflare, REGISTRATIONS + "?per_page=1000").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCursorTheListDidNotGiveIsRefused() {
        HttpResponse<String> response = authorizedGet(cloudflare, REGISTRATIONS + "?cursor=not-a-cursor");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("cursor");
    }

    @Test
    void getAnswersTheRegistrationObjectWithEveryField() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("r1", "d1")
                        .deviceName("laptop")
                        .clientVersion("2025.9.1")
                        .createdAt("2025-01-02T03:04:05Z")
                        .updatedAt("2025-02-02T03:04:05Z")
                        .lastSeenAt("2025-03-02T03:04:05Z")
                        .key("pubkey")
                        .keyType("curve25519")
                        .tunnelType("wireguard")
                        .virtualIpv4("100.96.0.1")
                        .virtualIpv6("fd00::1")
                        .user(User.of("u1", "ann@example.com", "Ann"))
                        .build());

        Map<String, Object> r = result(authorizedGet(cloudflare, REGISTRATIONS + "/r1"));

        assertThat(r)
                .containsExactly(
                        entry("id", "r1"),
                        entry("created_at", "2025-01-02T03:04:05Z"),
                        entry("updated_at", "2025-02-02T03:04:05Z"),
                        entry("last_seen_at", "2025-03-02T03:04:05Z"),
                        entry("deleted_at", null),
                        entry("revoked_at", null),
                        entry("key", "pubkey"),
                        entry("key_type", "curve25519"),
                        entry("tunnel_type", "wireguard"),
                        entry("virtual_ipv4", "100.96.0.1"),
                        entry("virtual_ipv6", "fd00::1"),
                        entry("device", Map.of("id", "d1", "name", "laptop", "client_version", "2025.9.1")),
                        entry("user", Map.of("id", "u1", "email", "ann@example.com", "name", "Ann")));
    }

    @Test
    void anUnknownRegistrationIsA404Envelope() {
        given("r1");

        for (String path : List.of(REGISTRATIONS + "/nope", REGISTRATIONS + "/nope/override_codes")) {
            HttpResponse<String> response = authorizedGet(cloudflare, path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response)).as(path).containsEntry("success", false);
            assertThat(response.body()).as(path).contains("nope");
        }
    }

    @Test
    void revokingSetsRevokedAtFromTheClockAndGetShowsIt() throws Exception {
        given("r1");

        assertThat(revoke("r1").statusCode()).isEqualTo(200);

        assertThat(result(authorizedGet(cloudflare, REGISTRATIONS + "/r1")))
                .containsEntry("revoked_at", "2025-12-01T10:15:30Z");
        assertThat(cloudflare.registrations("acc").get(0).revokedAt()).hasValue("2025-12-01T10:15:30Z");
    }

    @Test
    void unrevokingClearsRevokedAt() throws Exception {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("r1", "d1")
                        .revokedAt("2025-06-01T00:00:00Z")
                        .build());
        assertThat(cloudflare.revokedIds("acc")).containsExactly("r1");

        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cloudflare.baseUrl() + REGISTRATIONS + "/unrevoke?id=r1"))
                                .header("Authorization", "Bearer test-token")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(result(authorizedGet(cloudflare, REGISTRATIONS + "/r1"))).containsEntry("revoked_at", null);
    }

    @Test
    void theListShowsActiveRegistrationsUnlessAskedForAllOrRevoked() throws Exception {
        given("r1", "r2");
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("gone", "d")
                        .deletedAt("2025-05-05T00:00:00Z")
                        .build());
        revoke("r2");

        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS))).containsExactly("r1");
        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?status=revoked")))
                .containsExactly("r2");
        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?status=all")))
                .containsExactly("r1", "r2", "gone");
        assertThat(results(authorizedGet(cloudflare, REGISTRATIONS + "?status=all"))
                        .get(1))
                .containsEntry("revoked_at", "2025-12-01T10:15:30Z");
    }

    @Test
    void filtersByRegistrationDeviceAndUserIds() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("r1", "d1")
                        .user(User.of("u1", null, null))
                        .build(),
                FakeRegistration.builder("r2", "d1")
                        .user(User.of("u2", null, null))
                        .build(),
                FakeRegistration.builder("r3", "d2")
                        .user(User.of("u1", null, null))
                        .build());

        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?id=r3&id=r1")))
                .containsExactly("r1", "r3");
        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?device.id=d1")))
                .containsExactly("r1", "r2");
        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?device%5Bid%5D=d2")))
                .containsExactly("r3");
        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?user.id=u1")))
                .containsExactly("r1", "r3");
    }

    @Test
    void sortsByAFieldInEitherDirection() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("r1", "d")
                        .user(User.of(null, "b@x", null))
                        .build(),
                FakeRegistration.builder("r2", "d")
                        .user(User.of(null, "c@x", null))
                        .build(),
                FakeRegistration.builder("r3", "d")
                        .user(User.of(null, "a@x", null))
                        .build());

        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?sort_by=user.email")))
                .containsExactly("r3", "r1", "r2");
        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?sort_by=user.email&sort_order=desc")))
                .containsExactly("r2", "r1", "r3");
    }

    @Test
    void seenAfterAndBeforeFilterOnLastSeenAt() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("old", "d")
                        .lastSeenAt("2025-01-01T00:00:00Z")
                        .build(),
                FakeRegistration.builder("new", "d")
                        .lastSeenAt("2025-09-01T00:00:00Z")
                        .build());

        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?seen_after=2025-06-01T00:00:00Z")))
                .containsExactly("new");
        assertThat(ids(authorizedGet(cloudflare, REGISTRATIONS + "?seen_before=2025-06-01T00:00:00Z")))
                .containsExactly("old");
    }

    @Test
    void filterValuesTheApiDoesNotDocumentAreRefused() {
        for (String query :
                List.of("status=deleted", "sort_by=name", "sort_order=up", "seen_after=yesterday", "include=user")) {
            HttpResponse<String> response = authorizedGet(cloudflare, REGISTRATIONS + "?" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void searchIsRefusedRatherThanIgnored() {
        HttpResponse<String> response = authorizedGet(cloudflare, REGISTRATIONS + "?search=laptop");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("search").contains("not supported by FakeCloudflare");
    }

    @Test
    void thePolicyIsServedOnlyWithIncludePolicy() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("r1", "d1")
                        .policy(Policy.of("p1", "Default", true, false, "2025-01-01T00:00:00Z"))
                        .build());

        assertThat(result(authorizedGet(cloudflare, REGISTRATIONS + "/r1"))).doesNotContainKey("policy");
        assertThat(result(authorizedGet(cloudflare, REGISTRATIONS + "/r1?include=policy")))
                .containsEntry(
                        "policy",
                        Map.of(
                                "id", "p1",
                                "name", "Default",
                                "default", true,
                                "deleted", false,
                                "updated_at", "2025-01-01T00:00:00Z"));
        assertThat(results(authorizedGet(cloudflare, REGISTRATIONS + "?include=policy"))
                        .get(0))
                .containsKey("policy");
    }

    @Test
    void overrideCodesAreTheRegistrationsDisableForTimeCodes() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("r1", "d1")
                        .overrideCode("3600", "1111111")
                        .overrideCode("10800", "3333333")
                        .build());

        HttpResponse<String> response = authorizedGet(cloudflare, REGISTRATIONS + "/r1/override_codes");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(result(response))
                .containsExactly(entry("disable_for_time", Map.of("3600", "1111111", "10800", "3333333")));
    }

    @Test
    void readsNeedCredentials() {
        given("r1");

        HttpResponse<String> response = Http.get(cloudflare, REGISTRATIONS + "/r1");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("key-r1");
    }

    @Test
    void theJournalRecordsTheRouteAndTheIdsOfEachRead() {
        authorizedGet(cloudflare, REGISTRATIONS + "?id=a&id=b");
        authorizedGet(cloudflare, REGISTRATIONS + "/r1");
        authorizedGet(cloudflare, REGISTRATIONS + "/r1/override_codes");

        assertThat(cloudflare.calls())
                .extracting(RecordedCall::route)
                .containsExactly(Route.REGISTRATIONS_LIST, Route.REGISTRATION_GET, Route.REGISTRATION_OVERRIDE_CODES);
        assertThat(cloudflare.calls())
                .extracting(RecordedCall::ids)
                .containsExactly(List.of("a", "b"), List.of("r1"), List.of("r1"));
    }

    @Test
    void aPostOnAListIsA405() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cloudflare.baseUrl() + REGISTRATIONS))
                                .header("Authorization", "Bearer test-token")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }
}
