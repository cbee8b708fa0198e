package io.regshift.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakeCloudflare.Route;
import io.regshift.testkit.FakePhysicalDevice;
import io.regshift.testkit.FakeRegistration;
import io.regshift.testkit.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deprecated device reads through the interceptor, over real sockets, against a fake past the
 * end of life; the expected answers are the same fake's old endpoints before it.
 */
class LegacyReadsInterceptorTest {
    static final String TOKEN = "tok-7f3a9c2e5b8d1046";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    /** The same inventory, still serving the old endpoints: what the old caller used to get. */
    @RegisterExtension
    static final FakeCloudflare before = FakeCloudflare.builder()
            .apiToken(TOKEN)
            .legacyMode(FakeCloudflare.LegacyMode.BEFORE_END_OF_LIFE)
            .build();

    private static final JsonAdapter<Map<String, Object>> JSON = io.regshift.core.CloudflareJson.moshi()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();

    private final OkHttpClient client = new OkHttpClient.Builder()
            .addInterceptor(LegacyRoutingInterceptor.builder()
                    .baseUrl(cloudflare.baseUrl())
                    .retryPolicy(QUICK)
                    .listener(MigrationListener.none())
                    .build())
            .readTimeout(Duration.ofSeconds(5))
            .build();

    private static void given(FakeRegistration[] registrations, FakePhysicalDevice... devices) {
        for (FakeCloudflare fake : List.of(cloudflare, before)) {
            fake.givenRegistrations("acc", registrations).givenPhysicalDevices("acc", devices);
        }
    }

    private static FakeRegistration registration(String id, String deviceId) {
        return FakeRegistration.builder(id, deviceId)
                .deviceName("laptop " + id)
                .clientVersion("2025.9.1")
                .user(FakeRegistration.User.of("u-" + id, id + "@example.com", "User " + id))
                .overrideCode("3600", "1111111")
                .overrideCode("7200", "2222222")
                .overrideCode("90", "odd")
                .build();
    }

    private static FakePhysicalDevice machine(String id) {
        return FakePhysicalDevice.builder(id)
                .deviceType("mac")
                .macAddress("00:11:22:33:44:55")
                .manufacturer("Apple")
                .model("MacBookPro18,3")
                .osVersion("15.1")
                .publicIp("203.0.113.7")
                .serialNumber("SN-" + id)
                .build();
    }

    private static Reply get(OkHttpClient client, FakeCloudflare fake, String path) throws IOException {
        Request request = new Request.Builder()
                .url(fake.baseUrl() + path)
                .header("Authorization", "Bearer " + TOKEN)
                .build();
        try (Response response = client.newCall(request).execute()) {
            return new Reply(response.code(), JSON.fromJson(response.body().string()));
        }
    }

    private Reply routed(String path) throws IOException {
        return get(client, cloudflare, path);
    }

    private static Reply old(String path) throws IOException {
        return get(new OkHttpClient(), before, path);
    }

    static final class Reply {
        final int status;
        final Map<String, Object> envelope;

        Reply(int status, Map<String, Object> envelope) {
            this.status = status;
            this.envelope = envelope;
        }
    }

    @Test
    void theOldListIsEveryRegistrationOfEveryPageJoinedWithItsPhysicalDeviceOnOnePage() throws IOException {
        int count = 2 * LegacyReads.PAGE_SIZE + 3;
        FakeRegistration[] registrations = new FakeRegistration[count];
        FakePhysicalDevice[] devices = new FakePhysicalDevice[count];
        for (int i = 0; i < count; i++) {
            registrations[i] = registration("r" + i, "d" + i);
            devices[i] = machine("d" + i);
        }
        given(registrations, devices);
        before.givenRevoked("acc", "r7");
        cloudflare.givenRevoked("acc", "r7");

        Reply reply = routed("/accounts/acc/devices");

        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.envelope).isEqualTo(old("/accounts/acc/devices").envelope);
        assertThat(cloudflare.calls(Route.REGISTRATIONS_LIST)).hasSize(3);
    }

    @Test
    void aRegistrationWithoutItsPhysicalDeviceIsListedWithoutThePhysicalFieldsAndTheMessagesSaySo() throws IOException {
        given(new FakeRegistration[] {registration("r1", "d1"), registration("r2", "gone")}, machine("d1"));

        Reply reply = routed("/accounts/acc/devices");

        assertThat(reply.envelope.get("result"))
                .isEqualTo(old("/accounts/acc/devices").envelope.get("result"));
        assertThat(reply.envelope.get("messages").toString())
                .contains("1210")
                .contains("r2")
                .contains("device_type");
    }

    @Test
    void aListPageThatFailsFailsTheCallRatherThanAnsweringAShortList() throws IOException {
        given(new FakeRegistration[] {registration("r1", "d1")}, machine("d1"));
        cloudflare.inject(Fault.serverError(500).onRoute(Route.REGISTRATIONS_LIST));

        Reply reply = routed("/accounts/acc/devices");

        assertThat(reply.status).isEqualTo(500);
        assertThat(reply.envelope).containsEntry("success", false);
        assertThat(reply.envelope.get("result")).isNull();
        assertThat(reply.envelope.get("errors").toString()).contains("1501").contains("/devices/registrations");
    }

    @Test
    void theOldGetIsTheRegistrationJoinedWithItsPhysicalDevice() throws IOException {
        given(new FakeRegistration[] {registration("r1", "d1")}, machine("d1"));

        Reply reply = routed("/accounts/acc/devices/r1");

        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.envelope).isEqualTo(old("/accounts/acc/devices/r1").envelope);
    }

    @Test
    void aDeviceWhosePhysicalDeviceCannotBeReadIsAnsweredWithoutThePhysicalFieldsAndTheMessagesSaySo()
            throws IOException {
        given(new FakeRegistration[] {registration("r1", "gone")});

        Reply reply = routed("/accounts/acc/devices/r1");

        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.envelope.get("result"))
                .isEqualTo(old("/accounts/acc/devices/r1").envelope.get("result"));
        assertThat(reply.envelope.get("messages").toString()).contains("1210").contains("HTTP 404");
    }

    @Test
    void anUnknownDeviceIsA404() throws IOException {
        given(new FakeRegistration[] {registration("r1", "d1")}, machine("d1"));

        Reply reply = routed("/accounts/acc/devices/nope");

        assertThat(reply.status).isEqualTo(404);
        assertThat(reply.envelope).containsEntry("success", false);
    }

    @Test
    void theOldOverrideCodesAreTheRegistrationsKeyedByHours() throws IOException {
        given(new FakeRegistration[] {registration("r1", "d1")}, machine("d1"));

        Reply reply = routed("/accounts/acc/devices/r1/override_codes");

        assertThat(reply.status).isEqualTo(200);
        assertThat(reply.envelope).isEqualTo(old("/accounts/acc/devices/r1/override_codes").envelope);
    }

    @Test
    void aQueryParameterWithoutAnEquivalentIsRefusedWith400AndNothingIsSent() throws IOException {
        Reply reply = routed("/accounts/acc/devices?page=2");

        assertThat(reply.status).isEqualTo(400);
        assertThat(reply.envelope.get("errors").toString()).contains("1402").contains("`page`");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aLiveEndpointUnderDevicesGoesOnUnchanged() throws IOException {
        routed("/accounts/acc/devices/physical-devices");

        assertThat(cloudflare.calls()).extracting(c -> c.route()).containsExactly(Route.PHYSICAL_DEVICES_LIST);
    }
}
