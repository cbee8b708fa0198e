package io.regshift.adapter;

import io.regshift.core.BatchLimits;
import io.regshift.core.Catalog;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Deprecation;
import io.regshift.core.Envelope;
import io.regshift.core.RegistrationIds;
import io.regshift.core.ReplacementCall;
import io.regshift.core.ResponseInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Translates calls to the deprecated endpoints into calls to their replacements, and their answers
 * back into one answer of the old shape. Pure functions over values, derived from the {@link
 * Catalog}: no I/O, so the OkHttp interceptor and the proxy share the same semantics.
 *
 * <ol>
 *   <li>{@link #recognise}: is this request a deprecated call under a configured base URL?
 *   <li>{@link #plan}: its body (a JSON array of ID strings) becomes replacement calls, batched
 *       within {@link BatchLimits}, or a local HTTP 400 when it can't be translated.
 *   <li>{@link #respond}: the replacement calls' outcomes become one envelope: 200 and {@code
 *       success: true} only when every ID was accepted; otherwise the failing call's status, the
 *       errors, and {@code result.failed_ids}.
 * </ol>
 */
public final class LegacyTranslation {
    /** The largest body translated; the old endpoints took 200 IDs, a few KiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /**
     * The names under {@code /devices/} that a device ID placeholder would also match and that are
     * never a device ID: the live endpoints, and the deprecated writes' own paths.
     */
    private static final Set<String> NOT_DEVICE_IDS = Set.of(
            "revoke",
            "unrevoke",
            "policy",
            "policies",
            "posture",
            "networks",
            "settings",
            "dex_tests",
            "fleet-status",
            "ip-profiles",
            "resilience",
            "deployment-groups",
            "physical-devices",
            "registrations");

    private final List<HttpUrl> baseUrls;
    private final List<List<String>> prefixes;
    private final List<Deprecation> deprecations;
    private final Set<String> methods;
    private final BatchLimits limits;

    private LegacyTranslation(List<HttpUrl> baseUrls, Catalog catalog, BatchLimits limits) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one base URL is required");
        }
        this.baseUrls = List.copyOf(baseUrls);
        this.prefixes =
                this.baseUrls.stream().map(LegacyTranslation::segments).collect(java.util.stream.Collectors.toList());
        this.deprecations = catalog.deprecations();
        this.methods = deprecations.stream()
                .map(d -> d.deprecated().method())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.limits = Objects.requireNonNull(limits);
    }

    /** A translation for calls under these base URLs, batched within {@code limits}. */
    public static LegacyTranslation create(List<HttpUrl> baseUrls, BatchLimits limits) {
        return new LegacyTranslation(baseUrls, Catalog.standard(), limits);
    }

    /** A translation for calls under {@value Catalog#DEFAULT_BASE_URL}, with default limits. */
    public static LegacyTranslation create() {
        return create(List.of(HttpUrl.get(Catalog.DEFAULT_BASE_URL)), BatchLimits.defaults());
    }

    /** The base URLs whose deprecated calls this translates. */
    public List<HttpUrl> baseUrls() {
        return baseUrls;
    }

    /**
     * The deprecated call this request is, if it is one: a request with a deprecated endpoint's
     * method (POST) whose scheme, host and port are a base URL's and whose path is that base URL's
     * path followed by the endpoint's path template.
     */
    public Optional<LegacyCall> recognise(String method, HttpUrl url) {
        if (!methods.contains(method)) {
            return Optional.empty();
        }
        for (int b = 0; b < baseUrls.size(); b++) {
            HttpUrl base = baseUrls.get(b);
            if (base.port() != url.port()
                    || !base.host().equals(url.host())
                    || !base.scheme().equals(url.scheme())) {
                continue;
            }
            // Compared in place, without sub-lists: most POSTs to the API are not deprecated calls.
            List<String> prefix = prefixes.get(b);
            List<String> path = url.pathSegments();
            if (path.size() <= prefix.size() || !startsWith(path, prefix)) {
                continue;
            }
            for (Deprecation d : deprecations) {
                if (!d.deprecated().method().equals(method)) {
                    continue;
                }
                Optional<Map<String, String>> values = d.deprecated().match(path, prefix.size());
                if (values.isPresent() && !isNeverADeviceId(values.get())) {
                    return Optional.of(new LegacyCall(
                            d,
                            values.get().get("account_id"),
                            base,
                            values.get(),
                            List.copyOf(url.queryParameterNames())));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a placeholder other than the account holds a name that is never a device ID: {@code
     * GET .../devices/policy} matches {@code .../devices/{device_id}} but is a live endpoint, and
     * must go on unchanged.
     */
    private static boolean isNeverADeviceId(Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (!value.getKey().equals("account_id") && NOT_DEVICE_IDS.contains(value.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        for (int i = 0; i < prefix.size(); i++) {
            if (!path.get(i).equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A base URL's path segments without the empty one a trailing slash leaves. */
    private static List<String> segments(HttpUrl base) {
        List<String> s = base.pathSegments();
        return List.copyOf(!s.isEmpty() && s.get(s.size() - 1).isEmpty() ? s.subList(0, s.size() - 1) : s);
    }

    /** The replacement calls for this request body, or the local answer when it is not valid. */
    public LegacyPlan plan(LegacyCall call, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return tooLarge(call);
        }
        RegistrationIds ids;
        try {
            ids = CloudflareJson.readRegistrationIds(body);
        } catch (IllegalArgumentException e) {
            return LegacyPlan.reject(rejection(
                    ErrorCodes.INVALID_BODY,
                    "the request body must be a JSON array of registration ID strings: " + e.getMessage()));
        }
        try {
            return LegacyPlan.send(ids, limits.split(call.baseUrl(), call.deprecation(), call.accountId(), ids));
        } catch (IllegalArgumentException e) {
            return LegacyPlan.reject(rejection(ErrorCodes.INVALID_IDENTIFIER, e.getMessage()));
        }
    }

    /** The local answer to a body larger than {@link #MAX_BODY_BYTES}, for callers that stop reading there. */
    public LegacyPlan tooLarge(LegacyCall call) {
        return LegacyPlan.reject(rejection(
                ErrorCodes.INVALID_BODY,
                "the request body is larger than " + MAX_BODY_BYTES + " bytes; the endpoint took at most "
                        + call.deprecation().mapping().legacyMaxIds() + " IDs"));
    }

    /** An answer of the old shape for a request refused before anything was sent. */
    static LegacyResponse rejection(int code, String message) {
        return new LegacyResponse(
                400, Envelope.failure(List.of(ResponseInfo.of(code, message)), null), List.of(), List.of(), 0);
    }

    /**
     * One answer of the old shape for the outcomes of a plan's calls (in the plan's order). Every ID
     * of the plan is either in {@link LegacyResponse#succeededIds()} or in {@link
     * LegacyResponse#failedIds()}.
     */
    public LegacyResponse respond(LegacyCall call, List<ReplacementOutcome> outcomes) {
        if (allSucceeded(outcomes)) {
            // The usual answer, with the calls' own IDs rather than copies of them.
            return new LegacyResponse(200, Envelope.success(null), idsOf(outcomes), List.of(), outcomes.size());
        }
        List<String> succeeded = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<ResponseInfo> errors = new LinkedHashSet<>();
        int status = 200;
        for (ReplacementOutcome outcome : outcomes) {
            ReplacementCall replacement = outcome.call();
            if (outcome.succeeded()) {
                succeeded.addAll(replacement.ids());
                continue;
            }
            failed.addAll(replacement.ids());
            if (status == 200) {
                status = statusOf(outcome);
            }
            errors.addAll(errorsOf(outcome));
        }
        List<ResponseInfo> all = new ArrayList<>();
        all.add(ResponseInfo.of(
                ErrorCodes.NOT_ALL_IDS_DONE,
                failed.size() + " of " + (failed.size() + succeeded.size()) + " registration IDs were not "
                        + call.deprecation().pastTense() + " (regshift routed the call to "
                        + call.deprecation().replacement() + "); result.failed_ids lists them"));
        all.addAll(errors);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("succeeded_ids", succeeded);
        result.put("failed_ids", failed);
        return new LegacyResponse(
                status, Envelope.failure(all, result), List.copyOf(succeeded), List.copyOf(failed), outcomes.size());
    }

    private static boolean allSucceeded(List<ReplacementOutcome> outcomes) {
        for (ReplacementOutcome outcome : outcomes) {
            if (!outcome.succeeded()) {
                return false;
            }
        }
        return true;
    }

    /** The IDs of all the calls, in order: the one call's own (immutable) IDs when there is one. */
    private static List<String> idsOf(List<ReplacementOutcome> outcomes) {
        if (outcomes.size() == 1) {
            return outcomes.get(0).call().ids();
        }
        List<String> ids = new ArrayList<>();
        for (ReplacementOutcome outcome : outcomes) {
            ids.addAll(outcome.call().ids());
        }
        return Collections.unmodifiableList(ids);
    }

    static int statusOf(ReplacementOutcome outcome) {
        if (outcome.status() == 0) {
            return outcome.timedOut() ? 504 : 502;
        }
        // A 2xx whose envelope says success: false is still a failure to the caller, and a 3xx is not
        // followed (it would carry the caller's credentials elsewhere): passing it on would send the
        // caller to a Location it never gets.
        return outcome.status() < 400 ? 502 : outcome.status();
    }

    private static boolean isRedirect(int status) {
        return status >= 300 && status < 400;
    }

    static List<ResponseInfo> errorsOf(ReplacementOutcome outcome) {
        String attempts = outcome.attempts() > 1 ? " after " + outcome.attempts() + " attempts" : "";
        if (outcome.status() == 0) {
            return List.of(ResponseInfo.of(
                    ErrorCodes.UPSTREAM_UNREACHABLE,
                    "Cloudflare could not be reached" + attempts + ": " + outcome.failure()));
        }
        if (isRedirect(outcome.status())) {
            // The location is not shown: it may hold a token.
            return List.of(ResponseInfo.of(
                    ErrorCodes.UPSTREAM_NOT_AN_ENVELOPE,
                    "Cloudflare answered HTTP " + outcome.status() + attempts
                            + ", a redirect, which regshift does not follow;" + " these IDs were not done"));
        }
        Envelope envelope = outcome.envelope();
        if (envelope == null || envelope.errors().isEmpty()) {
            return List.of(ResponseInfo.of(
                    ErrorCodes.UPSTREAM_NOT_AN_ENVELOPE,
                    "Cloudflare answered HTTP " + outcome.status() + attempts
                            + (envelope == null
                                    ? " without an error envelope"
                                    : " with success: false and no errors")));
        }
        List<ResponseInfo> mapped = new ArrayList<>();
        for (ResponseInfo error : envelope.errors()) {
            mapped.add(
                    error.code() >= 1000
                            ? error
                            : ResponseInfo.of(
                                    ErrorCodes.UPSTREAM_CODE_BELOW_1000,
                                    "[Cloudflare " + error.code() + "] " + error.message()));
        }
        return mapped;
    }
}
