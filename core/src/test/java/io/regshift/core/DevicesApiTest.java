package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakeCloudflare.Route;
import io.regshift.testkit.FakePhysicalDevice;
import io.regshift.testkit.FakeRegistration;
import io.regshift.testkit.RecordedCall;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.http.GET;

/** The paths of {@link DevicesApi} reach the fake's routes, and what they return reads into the model. */
class DevicesApiTest {
    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder()
            .legacyMode(FakeCloudflare.LegacyMode.BEFORE_END_OF_LIFE)
            .build();

    private static final FakeRegistration REGISTRATION = FakeRegistration.builder("r1", "d1")
            .deviceName("laptop")
            .clientVersion("2025.9.1")
            .key("pubkey")
            .revokedAt("2025-04-02T03:04:05Z")
            .user(FakeRegistration.User.of("u1", "ann@example.com", "Ann"))
            .overrideCode("3600", "1111111")
            .build();

    private static final FakePhysicalDevice PHYSICAL_DEVICE = FakePhysicalDevice.builder("d1")
            .deviceType("mac")
            .model("MacBookPro18,3")
            .serialNumber("C02XYZ")
            .publicIp("203.0.113.7")
            .build();

    private static DevicesApi api() {
        OkHttpClient http = new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("Authorization", "Bearer test-token")
                        .build()))
                .build();
        return new Retrofit.Builder()
                .baseUrl(cloudflare.baseUrl() + "/")
                .client(http)
                .addConverterFactory(MoshiConverterFactory.create(CloudflareJson.moshi()))
                .build()
                .create(DevicesApi.class);
    }

    private static <T> T read(Class<T> type, Object jsonValue) {
        return CloudflareJson.moshi().adapter(type).fromJsonValue(jsonValue);
    }

    private static Route lastRoute() {
        List<RecordedCall> calls = cloudflare.calls();
        return calls.get(calls.size() - 1).route();
    }

    @Test
    void thePathsAreTheReplacementEndpoints() throws NoSuchMethodException {
        assertThat(DevicesApi.REGISTRATIONS).isEqualTo("accounts/{account_id}/devices/registrations");
        assertThat(DevicesApi.REGISTRATION).isEqualTo("accounts/{account_id}/devices/registrations/{registration_id}");
        assertThat(DevicesApi.REGISTRATION_OVERRIDE_CODES)
                .isEqualTo("accounts/{account_id}/devices/registrations/{registration_id}/override_codes");
        assertThat(DevicesApi.PHYSICAL_DEVICES).isEqualTo("accounts/{account_id}/devices/physical-devices");
        assertThat(DevicesApi.PHYSICAL_DEVICE).isEqualTo("accounts/{account_id}/devices/physical-devices/{device_id}");
        for (Method method : DevicesApi.class.getMethods()) {
            assertThat(method.getAnnotation(GET.class)).as(method.getName()).isNotNull();
        }
    }

    @Test
    void getRegistrationReadsTheRegistration() throws IOException {
        cloudflare.givenRegistrations("acc", REGISTRATION);

        Response<Envelope> response = api().getRegistration("acc", "r1").execute();

        assertThat(response.code()).isEqualTo(200);
        assertThat(lastRoute()).isEqualTo(Route.REGISTRATION_GET);
        Registration r = read(Registration.class, response.body().result());
        assertThat(r.id()).isEqualTo("r1");
        assertThat(r.device().id()).isEqualTo("d1");
        assertThat(r.revokedAt()).hasValue("2025-04-02T03:04:05Z");
    }

    @Test
    void getOverrideCodesReadsTheCodes() throws IOException {
        cloudflare.givenRegistrations("acc", REGISTRATION);

        Response<Envelope> response = api().getOverrideCodes("acc", "r1").execute();

        assertThat(lastRoute()).isEqualTo(Route.REGISTRATION_OVERRIDE_CODES);
        assertThat(read(OverrideCodes.class, response.body().result()).disableForTime())
                .containsExactly(Map.entry("3600", "1111111"));
    }

    @Test
    void getPhysicalDeviceReadsTheDevice() throws IOException {
        cloudflare.givenRegistrations("acc", REGISTRATION).givenPhysicalDevices("acc", PHYSICAL_DEVICE);

        Response<Envelope> response = api().getPhysicalDevice("acc", "d1").execute();

        assertThat(lastRoute()).isEqualTo(Route.PHYSICAL_DEVICE_GET);
        PhysicalDevice d = read(PhysicalDevice.class, response.body().result());
        assertThat(d.serialNumber()).hasValue("C02XYZ");
        assertThat(d.activeRegistrations()).isZero();
    }

    @Test
    void listRegistrationsFollowsTheCursorWithFilters() throws IOException {
        for (int i = 1; i <= 3; i++) {
            cloudflare.givenRegistrations(
                    "acc", FakeRegistration.builder("r" + i, "d").build());
        }
        cloudflare.givenRevoked("acc", "r3");

        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Envelope page = api().listRegistrations("acc", cursor, 2, Map.of("status", "all"))
                    .execute()
                    .body();
            for (Object item : (List<?>) page.result()) {
                ids.add(read(Registration.class, item).id());
            }
            cursor = page.resultInfo().orElseThrow().cursor().orElseThrow();
        } while (!cursor.isEmpty());

        assertThat(ids).containsExactly("r1", "r2", "r3");
        assertThat(cloudflare.calls()).extracting(RecordedCall::route).containsOnly(Route.REGISTRATIONS_LIST);
    }

    @Test
    void listPhysicalDevicesReadsOnePage() throws IOException {
        cloudflare.givenPhysicalDevices("acc", PHYSICAL_DEVICE);

        Envelope page = api().listPhysicalDevices("acc", null, null, Map.of("active_registrations", "include"))
                .execute()
                .body();

        assertThat(lastRoute()).isEqualTo(Route.PHYSICAL_DEVICES_LIST);
        assertThat((List<?>) page.result()).hasSize(1);
        assertThat(page.resultInfo().orElseThrow().totalCount()).hasValue(1L);
    }

    @Test
    void theOldDeviceBuiltFromTheNewReadsIsWhatTheOldEndpointAnswered() throws IOException {
        cloudflare.givenRegistrations("acc", REGISTRATION).givenPhysicalDevices("acc", PHYSICAL_DEVICE);
        Registration registration = read(
                Registration.class,
                api().getRegistration("acc", "r1").execute().body().result());
        PhysicalDevice physical = read(
                PhysicalDevice.class,
                api().getPhysicalDevice("acc", registration.device().id())
                        .execute()
                        .body()
                        .result());

        Object built =
                CloudflareJson.moshi().adapter(LegacyDevice.class).toJsonValue(LegacyDevice.of(registration, physical));

        Envelope old = CloudflareJson.envelope()
                .fromJson(new OkHttpClient()
                        .newCall(new okhttp3.Request.Builder()
                                .url(cloudflare.baseUrl() + "/accounts/acc/devices/r1")
                                .header("Authorization", "Bearer test-token")
                                .build())
                        .execute()
                        .body()
                        .string());
        assertThat(built).isEqualTo(old.result());
    }
}
