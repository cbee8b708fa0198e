package com.acme.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regshift.adapter.LegacyRoutingInterceptor;
import io.regshift.testkit.FakeCloudflare;
import okhttp3.MediaType;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LegacyRevokeOnOkHttp4Test {
    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder().apiToken("test-token").build();

    @Test
    void runsOnOkHttp4() {
        assertEquals("4.12.0", OkHttp.VERSION);
    }

    /**
     * The adapter needs OkHttp 5: it asks the chain whether the call follows redirects
     * ({@code Interceptor.Chain.followRedirects}, new in OkHttp 5), so that replacement calls never
     * carry credentials through a redirect. On OkHttp 4 that method is missing. When this test
     * fails, the adapter runs on OkHttp 4: say so in legacy-adapter/README.md and turn it round.
     */
    @Test
    void anOldRevokeCallFailsForWantOfOkHttp5() {
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(LegacyRoutingInterceptor.builder()
                        .baseUrl(cloudflare.baseUrl())
                        .build())
                .build();
        Request request = new Request.Builder()
                .url(cloudflare.baseUrl() + "/accounts/acc-1/devices/revoke")
                .header("Authorization", "Bearer test-token")
                .post(RequestBody.create("[\"reg-a\",\"reg-b\"]", MediaType.get("application/json")))
                .build();

        NoSuchMethodError error = assertThrows(NoSuchMethodError.class, () -> client.newCall(request).execute());

        assertTrue(error.getMessage().contains("okhttp3.Interceptor$Chain.getFollowRedirects()"), error.getMessage());
        assertTrue(cloudflare.revokedIds("acc-1").isEmpty());
    }
}
