package io.regshift.adapter;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.regshift.core.CallMapping;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Deprecation;
import io.regshift.core.Endpoint;
import io.regshift.core.Envelope;
import io.regshift.core.LegacyDevice;
import io.regshift.core.OverrideCodes;
import io.regshift.core.PhysicalDevice;
import io.regshift.core.Registration;
import io.regshift.core.ResponseInfo;
import io.regshift.core.ResultInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The deprecated device reads (list devices, get a device, override codes) answered from their
 * replacements, as the catalog's {@link CallMapping} for each says: the URLs to read, the pages
 * decoded, registrations joined with their physical devices, and the answer of the old shape.
 * Pure, like {@link LegacyTranslation}: {@link LegacyCallHandler} does the reading.
 */
final class LegacyReads {
    /** Items per page of a replacement list: the most {@code RegistrationsClient} asks for. */
    static final int PAGE_SIZE = 500;

    /**
     * The filters that make a replacement list hold what the old list held: every registration,
     * revoked ones included, and every physical device, also those without an active registration.
     */
    private static final List<Map<String, String>> LIST_FILTERS =
            List.of(Map.of("status", "all"), Map.of("active_registrations", "include"));

    private static final JsonAdapter<List<Registration>> REGISTRATIONS =
            CloudflareJson.moshi().adapter(Types.newParameterizedType(List.class, Registration.class));
    private static final JsonAdapter<List<PhysicalDevice>> PHYSICAL_DEVICES =
            CloudflareJson.moshi().adapter(Types.newParameterizedType(List.class, PhysicalDevice.class));
    private static final JsonAdapter<Registration> REGISTRATION =
            CloudflareJson.moshi().adapter(Registration.class);
    private static final JsonAdapter<PhysicalDevice> PHYSICAL_DEVICE =
            CloudflareJson.moshi().adapter(PhysicalDevice.class);
    private static final JsonAdapter<OverrideCodes> OVERRIDE_CODES =
            CloudflareJson.moshi().adapter(OverrideCodes.class);
    private static final JsonAdapter<LegacyDevice> LEGACY_DEVICE =
            CloudflareJson.moshi().adapter(LegacyDevice.class);

    private LegacyReads() {}

    /**
     * The local 400 for a read that can't be sent, if it can't: a query parameter (the deprecated
     * reads took none, so none has an equivalent to pass on), or an account ID that is not valid.
     */
    static Optional<LegacyResponse> refusal(LegacyCall call) {
        if (!call.queryNames().isEmpty()) {
            return Optional.of(LegacyTranslation.rejection(
                    ErrorCodes.UNSUPPORTED_QUERY,
                    "query parameter `" + call.queryNames().get(0) + "` of "
                            + call.deprecation().deprecated()
                            + " has no equivalent in " + replacements(call.deprecation())
                            + "; the deprecated endpoint took no query parameters"));
        }
        try {
            call.deprecation().deprecated().pathSegments(call.accountId());
        } catch (IllegalArgumentException e) {
            return Optional.of(LegacyTranslation.rejection(ErrorCodes.INVALID_IDENTIFIER, e.getMessage()));
        }
        return Optional.empty();
    }

    private static String replacements(Deprecation deprecation) {
        List<String> names = new ArrayList<>();
        deprecation.replacements().forEach(e -> names.add(e.toString()));
        return String.join(" and ", names);
    }

    /**
     * The URL of one page of the {@code index}th replacement list of a list read: its filters, the
     * page size and, after the first page, the cursor the previous page gave.
     */
    static HttpUrl page(LegacyCall call, int index, String cursor) {
        HttpUrl.Builder url =
                url(call, call.deprecation().replacements().get(index), null).newBuilder();
        LIST_FILTERS.get(index).forEach(url::addQueryParameter);
        url.addQueryParameter("per_page", Integer.toString(PAGE_SIZE));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return url.build();
    }

    /**
     * The URL of the {@code index}th replacement of a get read: the deprecated path's values under
     * their new names, and for a joined replacement its ID, {@code joinValue}.
     */
    static HttpUrl get(LegacyCall call, int index, String joinValue) {
        return url(call, call.deprecation().replacements().get(index), index == 0 ? null : joinValue);
    }

    private static HttpUrl url(LegacyCall call, Endpoint endpoint, String joinValue) {
        Map<String, String> values = new LinkedHashMap<>();
        call.pathValues()
                .forEach((name, value) ->
                        values.put(call.deprecation().mapping().pathParameters().getOrDefault(name, name), value));
        HttpUrl.Builder url = call.baseUrl().newBuilder();
        List<String> base = call.baseUrl().pathSegments();
        if (!base.isEmpty() && base.get(base.size() - 1).isEmpty()) {
            url.removePathSegment(base.size() - 1);
        }
        for (String segment : endpoint.pathSegments(call.accountId())) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                url.addPathSegment(joinValue != null ? joinValue : values.get(name));
            } else {
                url.addPathSegment(segment);
            }
        }
        return url.build();
    }

    /** A page's registrations. @throws IllegalArgumentException if the result is not a list of them */
    static List<Registration> registrations(Envelope envelope) {
        return decode(REGISTRATIONS, envelope, "a JSON array of registrations");
    }

    /** A page's physical devices. @throws IllegalArgumentException if the result is not a list of them */
    static List<PhysicalDevice> physicalDevices(Envelope envelope) {
        return decode(PHYSICAL_DEVICES, envelope, "a JSON array of physical devices");
    }

    static Registration registration(Envelope envelope) {
        return decode(REGISTRATION, envelope, "a registration object");
    }

    static PhysicalDevice physicalDevice(Envelope envelope) {
        return decode(PHYSICAL_DEVICE, envelope, "a physical device object");
    }

    static OverrideCodes overrideCodes(Envelope envelope) {
        return decode(OVERRIDE_CODES, envelope, "an override codes object");
    }

    /** The cursor of the page after this one, or null on the last page. */
    static String nextCursor(Envelope envelope) {
        String cursor = envelope.resultInfo().flatMap(ResultInfo::cursor).orElse(null);
        return cursor == null || cursor.isEmpty() ? null : cursor;
    }

    private static <T> T decode(JsonAdapter<T> adapter, Envelope envelope, String expected) {
        T value;
        try {
            value = adapter.fromJsonValue(envelope.result());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the result is not " + expected + ": " + e.getMessage(), e);
        }
        if (value == null) {
            throw new IllegalArgumentException("the result is null; expected " + expected);
        }
        return value;
    }

    /** The registration's physical device ID: the join key's value; null when it has none. */
    static String joinValue(Registration registration) {
        return registration.device() == null ? null : registration.device().id();
    }

    /**
     * The old list: every device on one page, {@code result_info} as the old endpoint gave it, and
     * a message naming the devices answered without their physical fields, if any.
     */
    static LegacyResponse list(List<LegacyDevice> devices, List<String> withoutPhysical, int calls) {
        List<Object> result = new ArrayList<>(devices.size());
        for (LegacyDevice device : devices) {
            result.add(LEGACY_DEVICE.toJsonValue(device));
        }
        Envelope envelope = Envelope.success(result).withResultInfo(ResultInfo.onePage(devices.size()));
        if (!withoutPhysical.isEmpty()) {
            envelope = envelope.withMessages(List.of(ResponseInfo.of(
                    ErrorCodes.PHYSICAL_DEVICE_MISSING,
                    withoutPhysical.size() + " device(s) have no physical device among "
                            + "GET /accounts/{account_id}/devices/physical-devices, so they lack device_type, ip,"
                            + " mac_address, manufacturer, model, os_version, os_version_extra and serial_number: "
                            + String.join(", ", withoutPhysical))));
        }
        return new LegacyResponse(200, envelope, List.of(), List.of(), calls);
    }

    /** The old get: one device, with a message when its physical device could not be read. */
    static LegacyResponse device(LegacyDevice device, String physicalProblem, int calls) {
        Envelope envelope = Envelope.success(LEGACY_DEVICE.toJsonValue(device));
        if (physicalProblem != null) {
            envelope = envelope.withMessages(List.of(ResponseInfo.of(
                    ErrorCodes.PHYSICAL_DEVICE_MISSING,
                    "device " + device.id() + " lacks device_type, ip, mac_address, manufacturer, model,"
                            + " os_version, os_version_extra and serial_number: its physical device could not be"
                            + " read (" + physicalProblem + ")")));
        }
        return new LegacyResponse(200, envelope, List.of(), List.of(), calls);
    }

    /**
     * The old override codes: keyed by whole hours, as the old endpoint keyed them, where the
     * replacement keys by seconds; a duration that is not a whole number of hours had no old key.
     */
    static LegacyResponse overrideCodes(OverrideCodes codes, int calls) {
        Map<String, Object> byHours = new LinkedHashMap<>();
        codes.disableForTime().forEach((duration, code) -> {
            try {
                long seconds = Long.parseLong(duration);
                if (seconds > 0 && seconds % 3600 == 0) {
                    byHours.put(Long.toString(seconds / 3600), code);
                }
            } catch (NumberFormatException notSeconds) {
                // Not a duration in seconds: the old endpoint had no key for it.
            }
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("disable_for_time", byHours);
        return new LegacyResponse(200, Envelope.success(result), List.of(), List.of(), calls);
    }

    /**
     * The answer when a read of the replacements failed: its status (a 404 stays a 404), and
     * errors naming the read and why, never an empty result.
     */
    static LegacyResponse failure(String read, ReplacementOutcome outcome, int calls) {
        List<ResponseInfo> errors = new ArrayList<>();
        errors.add(ResponseInfo.of(
                ErrorCodes.READ_FAILED, read + " failed, so regshift could not answer the deprecated call"));
        errors.addAll(LegacyTranslation.errorsOf(outcome));
        return new LegacyResponse(
                LegacyTranslation.statusOf(outcome), Envelope.failure(errors, null), List.of(), List.of(), calls);
    }

    /** The answer when a replacement's result was not of the documented shape. */
    static LegacyResponse malformed(String read, IllegalArgumentException e, int calls) {
        return new LegacyResponse(
                502,
                Envelope.failure(
                        List.of(ResponseInfo.of(
                                ErrorCodes.READ_FAILED,
                                read + " answered, but " + e.getMessage()
                                        + "; regshift could not answer the deprecated call")),
                        null),
                List.of(),
                List.of(),
                calls);
    }
}
