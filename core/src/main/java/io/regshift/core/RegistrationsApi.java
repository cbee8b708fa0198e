package io.regshift.core;

import java.util.List;
import retrofit2.Call;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Retrofit interface for the replacement endpoints, which take the registration IDs as repeated
 * {@code id} query parameters and no body. Create it against a base URL that ends in {@code /},
 * with {@code MoshiConverterFactory.create(CloudflareJson.moshi())}.
 *
 * <p>Retrofit percent-encodes the account and the IDs, but does not bound the URL's length: for
 * long lists use {@link RegistrationsClient}, which batches, retries and reports per ID.
 */
public interface RegistrationsApi {
    /** {@code POST /accounts/{account_id}/devices/registrations/revoke?id=...}. */
    @POST("accounts/{account_id}/devices/registrations/revoke")
    Call<Envelope> revoke(@Path("account_id") String accountId, @Query("id") List<String> ids);

    /** {@code POST /accounts/{account_id}/devices/registrations/unrevoke?id=...}. */
    @POST("accounts/{account_id}/devices/registrations/unrevoke")
    Call<Envelope> unrevoke(@Path("account_id") String accountId, @Query("id") List<String> ids);
}
