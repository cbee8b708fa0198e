package io.regshift.core;

import java.util.Map;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;

/**
 * Retrofit interface for the reads that replaced the deprecated device GETs: registrations and
 * physical devices (lists with cursor pagination, and one by ID) and a registration's override
 * codes. Create it like {@link RegistrationsApi}: against a base URL that ends in {@code /}, with
 * {@code MoshiConverterFactory.create(CloudflareJson.moshi())}.
 *
 * <p>Each call returns the {@link Envelope}; read its {@code result} into the model with {@code
 * CloudflareJson.moshi().adapter(Registration.class).fromJsonValue(envelope.result())} (a list's
 * result is a JSON array of them), and follow {@code result_info.cursor} until it is empty. The
 * interface is thin: it does not page, retry or bound {@code per_page}, and you set the auth
 * headers yourself.
 */
public interface DevicesApi {
    /** {@code GET /accounts/{account_id}/devices/registrations}, relative to the base URL. */
    String REGISTRATIONS = "accounts/{account_id}/devices/registrations";

    /** {@code GET /accounts/{account_id}/devices/registrations/{registration_id}}. */
    String REGISTRATION = REGISTRATIONS + "/{registration_id}";

    /** {@code GET /accounts/{account_id}/devices/registrations/{registration_id}/override_codes}. */
    String REGISTRATION_OVERRIDE_CODES = REGISTRATION + "/override_codes";

    /** {@code GET /accounts/{account_id}/devices/physical-devices}. */
    String PHYSICAL_DEVICES = "accounts/{account_id}/devices/physical-devices";

    /** {@code GET /accounts/{account_id}/devices/physical-devices/{device_id}}. */
    String PHYSICAL_DEVICE = PHYSICAL_DEVICES + "/{device_id}";

    /**
     * One page of the account's registrations. {@code cursor} is null for the first page, then the
     * previous page's {@code result_info.cursor}; {@code perPage} null for the server's default.
     * {@code filters} are further query parameters, e.g. {@code status=all} (the default, {@code
     * active}, leaves revoked registrations out), {@code sort_by}, {@code include=policy}.
     */
    @GET(REGISTRATIONS)
    Call<Envelope> listRegistrations(
            @Path("account_id") String accountId,
            @Query("cursor") String cursor,
            @Query("per_page") Integer perPage,
            @QueryMap Map<String, String> filters);

    /** One registration, whatever its status. */
    @GET(REGISTRATION)
    Call<Envelope> getRegistration(
            @Path("account_id") String accountId, @Path("registration_id") String registrationId);

    /** A registration's override codes; the result reads as {@link OverrideCodes}. */
    @GET(REGISTRATION_OVERRIDE_CODES)
    Call<Envelope> getOverrideCodes(
            @Path("account_id") String accountId, @Path("registration_id") String registrationId);

    /**
     * One page of the account's physical devices; paging as for {@link #listRegistrations}.
     * {@code filters} e.g. {@code active_registrations=include} (the default, {@code only}, leaves
     * out devices without an active registration).
     */
    @GET(PHYSICAL_DEVICES)
    Call<Envelope> listPhysicalDevices(
            @Path("account_id") String accountId,
            @Query("cursor") String cursor,
            @Query("per_page") Integer perPage,
            @QueryMap Map<String, String> filters);

    /** One physical device, by the ID that is its registrations' {@code device.id}. */
    @GET(PHYSICAL_DEVICE)
    Call<Envelope> getPhysicalDevice(@Path("account_id") String accountId, @Path("device_id") String deviceId);
}
