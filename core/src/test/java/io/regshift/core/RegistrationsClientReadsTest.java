package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakeCloudflare.AuthScheme;
import io.regshift.testkit.FakeCloudflare.Route;
import io.regshift.testkit.FakePhysicalDevice;
import io.regshift.testkit.FakeRegistration;
import io.regshift.testkit.Fault;
import io.regshift.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reads of RegistrationsClient against the fake: lists page by page, gets, errors. */
class RegistrationsClientReadsTest {
    private static final String TOKEN = "token-reads-7f3a";

    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder()
            .apiToken(TOKEN)
            .apiKey("ops@example.com", "global-key-1")
            .build();

    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();

    private static RegistrationsClient client(int pageSize) {
        return RegistrationsClient.builder()
                .baseUrl(cloudflare.baseUrl())
                .credentials(Credentials.apiToken(TOKEN))
                .retryPolicy(QUICK)
                .pageSize(pageSize)
                .build();
    }

    private static void givenRegistrations(int n) {
        cloudflare.givenRegistrations(
                "acc",
                IntStream.range(0, n)
                        .mapToObj(i ->
                                FakeRegistration.builder("reg-" + i, "dev-" + i).build())
                        .toArray(FakeRegistration[]::new));
    }

    private static <T> List<T> drain(Iterator<T> items) {
        List<T> out = new ArrayList<>();
        items.forEachRemaining(out::add);
        return out;
    }

    private static List<String> ids(List<Registration> registrations) {
        return registrations.stream().map(Registration::id).toList();
    }

    @Test
    void anAccountWithoutRegistrationsListsNothingInOneRequest() {
        Listing<Registration> listing = client(3).listRegistrations("acc", Map.of());

        assertThat(drain(listing)).isEmpty();
        assertThat(cloudflare.calls(Route.REGISTRATIONS_LIST)).hasSize(1);
        assertThat(listing.pagesRead()).isEqualTo(1);
    }

    @Test
    void aListThatFitsOnePageIsOneRequest() {
        givenRegistrations(3);

        assertThat(ids(drain(client(3).listRegistrations("acc", Map.of())))).containsExactly("reg-0", "reg-1", "reg-2");
        assertThat(cloudflare.calls(Route.REGISTRATIONS_LIST)).hasSize(1);
    }

    @Test
    void threePagesAreFollowedByCursorWithPerPageOnEachRequest() {
        givenRegistrations(7);

        Listing<Registration> listing = client(3).listRegistrations("acc", Map.of());

        assertThat(ids(drain(listing))).containsExactly("reg-0", "reg-1", "reg-2", "reg-3", "reg-4", "reg-5", "reg-6");
        List<RecordedCall> calls = cloudflare.calls(Route.REGISTRATIONS_LIST);
        assertThat(calls).hasSize(3).allSatisfy(c -> assertThat(c.url()).contains("per_page=3"));
        assertThat(calls.get(0).url()).doesNotContain("cursor=");
        assertThat(calls.get(1).url()).contains("cursor=");
        assertThat(listing.pagesRead()).isEqualTo(3);
        assertThat(listing.totalCount()).hasValue(7L);
    }

    @Test
    void pagesAreFetchedOnlyAsTheIterationReachesThem() {
        givenRegistrations(7);

        Listing<Registration> listing = client(3).listRegistrations("acc", Map.of());
        listing.next();

        assertThat(cloudflare.calls(Route.REGISTRATIONS_LIST)).hasSize(1);
    }

    @Test
    void aFailureOnThePage2IsAnErrorNeverAShortList() {
        givenRegistrations(7);
        cloudflare.inject(
                Fault.serverError(500).onRoute(Route.REGISTRATIONS_LIST).onPage(2));

        Listing<Registration> listing = client(3).listRegistrations("acc", Map.of());
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> listing.forEachRemaining(r -> seen.add(r.id())))
                .isInstanceOfSatisfying(CloudflareApiException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(500);
                    assertThat(e.request()).isEqualTo("GET /client/v4/accounts/acc/devices/registrations (page 2)");
                    assertThat(e.getMessage()).contains("HTTP 500").doesNotContain("cursor");
                });
        assertThat(seen).containsExactly("reg-0", "reg-1", "reg-2");
    }

    @Test
    void aPageThatFailsOnceIsRetriedAndTheListIsWhole() {
        givenRegistrations(7);
        cloudflare.inject(Fault.serverError(503)
                .onRoute(Route.REGISTRATIONS_LIST)
                .onPage(2)
                .times(1));

        assertThat(drain(client(3).listRegistrations("acc", Map.of()))).hasSize(7);
        assertThat(cloudflare.calls(Route.REGISTRATIONS_LIST)).hasSize(4);
    }

    @Test
    void aServerThatRepeatsACursorEndsTheListInAnErrorNotALoop() {
        StubMapping stub = cloudflare
                .wireMock()
                .stubFor(WireMock.get(WireMock.urlPathEqualTo("/client/v4/accounts/acc/devices/registrations"))
                        .willReturn(WireMock.okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[],"
                                + "\"result_info\":{\"count\":0,\"cursor\":\"same\",\"per_page\":10}}")));
        try {
            assertThatThrownBy(() -> drain(client(10).listRegistrations("acc", Map.of())))
                    .isInstanceOf(CloudflareApiException.class)
                    .hasMessageContaining("(page 2)")
                    .hasMessageContaining("a cursor it had sent before");
        } finally {
            cloudflare.wireMock().removeStub(stub);
        }
    }

    @Test
    void aResultOfTheWrongShapeIsAnErrorNamingTheRequest() {
        StubMapping stub = cloudflare
                .wireMock()
                .stubFor(WireMock.get(WireMock.urlPathEqualTo("/client/v4/accounts/acc/devices/registrations/reg-1"))
                        .willReturn(
                                WireMock.okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[1]}")));
        try {
            assertThatThrownBy(() -> client(10).getRegistration("acc", "reg-1"))
                    .isInstanceOf(CloudflareApiException.class)
                    .hasMessageContaining("GET /client/v4/accounts/acc/devices/registrations/reg-1 failed")
                    .hasMessageContaining("the result is not an object");
        } finally {
            cloudflare.wireMock().removeStub(stub);
        }
    }

    @Test
    void revokedRegistrationsAreListedOnlyWithStatusAll() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("live", "dev-1").build(),
                FakeRegistration.builder("gone", "dev-2")
                        .revokedAt("2025-10-01T00:00:00Z")
                        .build());
        RegistrationsClient client = client(10);

        assertThat(ids(drain(client.listRegistrations("acc", Map.of())))).containsExactly("live");
        assertThat(ids(drain(client.listRegistrations("acc", Map.of("status", "all")))))
                .containsExactly("live", "gone");
    }

    @Test
    void physicalDevicesWithoutAnActiveRegistrationAreListedOnlyWhenIncluded() {
        cloudflare.givenRegistrations(
                "acc", FakeRegistration.builder("live", "dev-1").build());
        cloudflare.givenPhysicalDevices(
                "acc",
                FakePhysicalDevice.builder("dev-1").build(),
                FakePhysicalDevice.builder("dev-idle").build());
        RegistrationsClient client = client(10);

        assertThat(drain(client.listPhysicalDevices("acc", Map.of())))
                .extracting(PhysicalDevice::id)
                .containsExactly("dev-1");
        assertThat(drain(client.listPhysicalDevices("acc", Map.of("active_registrations", "include"))))
                .extracting(PhysicalDevice::id)
                .containsExactly("dev-1", "dev-idle");
    }

    @Test
    void getsOneRegistrationWhateverItsStatus() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("reg-1", "dev-1")
                        .deviceName("ann-laptop")
                        .revokedAt("2025-10-01T00:00:00Z")
                        .user(FakeRegistration.User.of("u-1", "ann@example.com", "Ann"))
                        .build());

        Registration registration = client(10).getRegistration("acc", "reg-1");

        assertThat(registration.id()).isEqualTo("reg-1");
        assertThat(registration.device().id()).isEqualTo("dev-1");
        assertThat(registration.device().name()).isEqualTo("ann-laptop");
        assertThat(registration.revokedAt()).hasValue("2025-10-01T00:00:00Z");
        assertThat(registration.user().orElseThrow().email()).hasValue("ann@example.com");
        assertThat(cloudflare.calls(Route.REGISTRATION_GET))
                .singleElement()
                .satisfies(c -> assertThat(c.ids()).containsExactly("reg-1"));
    }

    @Test
    void getsOnePhysicalDevice() {
        cloudflare.givenPhysicalDevices(
                "acc",
                FakePhysicalDevice.builder("dev-1")
                        .model("MacBookPro18,3")
                        .serialNumber("C02XYZ")
                        .build());

        PhysicalDevice device = client(10).getPhysicalDevice("acc", "dev-1");

        assertThat(device.model()).hasValue("MacBookPro18,3");
        assertThat(device.serialNumber()).hasValue("C02XYZ");
    }

    @Test
    void getsARegistrationsOverrideCodes() {
        cloudflare.givenRegistrations(
                "acc",
                FakeRegistration.builder("reg-1", "dev-1")
                        .overrideCode("3600", "1234567")
                        .build());

        OverrideCodes codes = client(10).getOverrideCodes("acc", "reg-1");

        assertThat(codes.disableForTime()).containsExactly(Map.entry("3600", "1234567"));
        assertThat(cloudflare.calls(Route.REGISTRATION_OVERRIDE_CODES)).hasSize(1);
    }

    @Test
    void anUnknownRegistrationIsNotFoundWithCloudflaresError() {
        assertThatThrownBy(() -> client(10).getRegistration("acc", "nope"))
                .isInstanceOfSatisfying(CloudflareApiException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.errors()).extracting(ResponseInfo::code).containsExactly(1006);
                    assertThat(e.request()).isEqualTo("GET /client/v4/accounts/acc/devices/registrations/nope");
                    assertThat(e.attempts()).isEqualTo(1);
                });
    }

    @Test
    void overrideCodesOfAnUnknownRegistrationAreNotFound() {
        assertThatThrownBy(() -> client(10).getOverrideCodes("acc", "nope"))
                .isInstanceOfSatisfying(
                        CloudflareApiException.class,
                        e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void refusedCredentialsAreAnAuthFailureThatNeverShowsTheToken() {
        givenRegistrations(1);
        RegistrationsClient wrong = RegistrationsClient.builder()
                .baseUrl(cloudflare.baseUrl())
                .credentials(Credentials.apiToken("wrong-token-secret"))
                .build();

        assertThatThrownBy(() -> wrong.listRegistrations("acc", Map.of()).hasNext())
                .isInstanceOfSatisfying(CloudflareApiException.class, e -> {
                    assertThat(e.isAuthFailure()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("wrong-token-secret");
                });
        assertThat(cloudflare.calls()).hasSize(1);
    }

    @Test
    void theKeyPairIsSentOnReadsToo() {
        givenRegistrations(1);
        RegistrationsClient client = RegistrationsClient.builder()
                .baseUrl(cloudflare.baseUrl())
                .credentials(Credentials.apiKey("ops@example.com", "global-key-1"))
                .build();

        assertThat(drain(client.listRegistrations("acc", Map.of()))).hasSize(1);
        assertThat(cloudflare.calls().get(0).authScheme()).isEqualTo(AuthScheme.API_KEY);
    }

    @Test
    void aBadIdIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> client(10).getRegistration("acc", "../other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registration_id \"../other\"");
        assertThatThrownBy(() -> client(10).listRegistrations("a/b", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account ID \"a/b\"");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void theListingOwnsItsCursorAndPageSize() {
        assertThatThrownBy(() -> client(10).listRegistrations("acc", Map.of("per_page", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("per_page");
        assertThatThrownBy(() -> RegistrationsClient.builder().pageSize(501))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1 to 500, was 501");
        assertThatThrownBy(() -> RegistrationsClient.builder().pageSize(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
