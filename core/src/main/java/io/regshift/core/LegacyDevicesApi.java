package io.regshift.core;

import java.util.List;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * Retrofit interface for the deprecated endpoints, which took the registration IDs as a JSON array
 * body (at most 200). Cloudflare stopped serving them on 2025-11-11.
 *
 * <p>It is here so that code written against the old endpoints can be compiled, tested against
 * {@code FakeCloudflare} and routed with the legacy adapter while it migrates.
 *
 * @deprecated the endpoints are past their end of life; use {@link RegistrationsApi#revoke} and
 *     {@link RegistrationsApi#unrevoke} ({@code POST /accounts/{account_id}/devices/registrations/
 *     revoke} and {@code .../unrevoke}, IDs as repeated {@code id} query parameters), or
 *     {@link RegistrationsClient}.
 */
@Deprecated
public interface LegacyDevicesApi {
    /**
     * {@code POST /accounts/{account_id}/devices/revoke} with the IDs as the body.
     *
     * @deprecated use {@link RegistrationsApi#revoke(String, List)}
     */
    @Deprecated
    @POST("accounts/{account_id}/devices/revoke")
    Call<Envelope> revoke(@Path("account_id") String accountId, @Body List<String> ids);

    /**
     * {@code POST /accounts/{account_id}/devices/unrevoke} with the IDs as the body.
     *
     * @deprecated use {@link RegistrationsApi#unrevoke(String, List)}
     */
    @Deprecated
    @POST("accounts/{account_id}/devices/unrevoke")
    Call<Envelope> unrevoke(@Path("account_id") String accountId, @Body List<String> ids);
}
