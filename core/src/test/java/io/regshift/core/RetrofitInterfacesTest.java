package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.testkit.FakeCloudflare;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

class RetrofitInterfacesTest {
    @RegisterExtension
    static final FakeCloudflare afterEndOfLife = FakeCloudflare.create();

    @RegisterExtension
    static final FakeCloudflare beforeEndOfLife = FakeCloudflare.builder()
            .legacyMode(FakeCloudflare.LegacyMode.BEFORE_END_OF_LIFE)
            .build();

    private static <T> T api(FakeCloudflare fake, Class<T> type) {
        OkHttpClient http = new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("Authorization", "Bearer test-token")
                        .build()))
                .build();
        return new Retrofit.Builder()
                .baseUrl(fake.baseUrl() + "/")
                .client(http)
                .addConverterFactory(MoshiConverterFactory.create(CloudflareJson.moshi()))
                .build()
                .create(type);
    }

    @Test
    void replacementInterfaceSendsIdsAsQueryParameters() throws Exception {
        Response<Envelope> response = api(afterEndOfLife, RegistrationsApi.class)
                .revoke("acc", List.of("a&b", "c"))
                .execute();

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().success()).isTrue();
        assertThat(afterEndOfLife.revokedIds("acc")).containsExactlyInAnyOrder("a&b", "c");

        api(afterEndOfLife, RegistrationsApi.class)
                .unrevoke("acc", List.of("c"))
                .execute();
        assertThat(afterEndOfLife.revokedIds("acc")).containsExactly("a&b");
    }

    @Test
    @SuppressWarnings("deprecation")
    void legacyInterfaceWorkedBeforeEndOfLife() throws Exception {
        Response<Envelope> response = api(beforeEndOfLife, LegacyDevicesApi.class)
                .revoke("acc", List.of("a", "b"))
                .execute();

        assertThat(response.code()).isEqualTo(200);
        assertThat(beforeEndOfLife.revokedIds("acc")).containsExactlyInAnyOrder("a", "b");
        assertThat(new String(beforeEndOfLife.calls().get(0).body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    @SuppressWarnings("deprecation")
    void legacyInterfaceFailsAfterEndOfLifeWithAnErrorEnvelope() throws Exception {
        Response<Envelope> response = api(afterEndOfLife, LegacyDevicesApi.class)
                .revoke("acc", List.of("a"))
                .execute();

        assertThat(response.code()).isEqualTo(404);
        Envelope envelope =
                CloudflareJson.envelope().fromJson(response.errorBody().string());
        assertThat(envelope.success()).isFalse();
        assertThat(envelope.errors().get(0).message()).contains("end of life");
        assertThat(afterEndOfLife.revokedIds("acc")).isEmpty();
    }
}
