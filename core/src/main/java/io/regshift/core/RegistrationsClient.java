package io.regshift.core;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Revokes and unrevokes device registrations through Cloudflare's replacement endpoints ({@code
 * POST /accounts/{account_id}/devices/registrations/revoke?id=...} and {@code .../unrevoke}).
 *
 * <pre>{@code
 * RegistrationsClient client = RegistrationsClient.builder()
 *     .credentials(Credentials.apiToken(token))
 *     .build();
 * RegistrationsResult result = client.revoke(accountId, ids);
 * if (!result.isSuccess()) { ... result.failures() ... }
 * }</pre>
 *
 * <p>Every account ID and registration ID is checked before the first request. Any number of IDs
 * may be given: they are deduplicated and split into calls within {@link BatchLimits}; each call is
 * retried as {@link RetryPolicy} says. The result names, for every ID, whether it succeeded.
 *
 * <p>Redirects are never followed, so credentials reach only the configured base URL. Instances
 * are immutable and safe to share between threads.
 */
public final class RegistrationsClient {
    private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], null);

    /** Items per page of a list unless {@link Builder#pageSize(int)} says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** The most items per page a client asks for. */
    public static final int MAX_PAGE_SIZE = 500;

    private final HttpUrl baseUrl;
    private final Credentials credentials;
    private final OkHttpClient httpClient;
    private final BatchLimits batchLimits;
    private final RetryPolicy retryPolicy;
    private final int pageSize;

    private RegistrationsClient(
            HttpUrl baseUrl,
            Credentials credentials,
            OkHttpClient httpClient,
            BatchLimits batchLimits,
            RetryPolicy retryPolicy,
            int pageSize) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.httpClient = httpClient
                .newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.batchLimits = batchLimits;
        this.retryPolicy = retryPolicy;
        this.pageSize = pageSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from {@code CLOUDFLARE_BASE_URL}, {@code CLOUDFLARE_API_TOKEN}, or {@code
     * CLOUDFLARE_EMAIL} with {@code CLOUDFLARE_API_KEY}, as the official SDKs are.
     *
     * @throws IllegalStateException if no credentials are set
     */
    public static RegistrationsClient fromEnvironment() {
        return builder().environment(System.getenv()).build();
    }

    /** Revokes the registrations, through {@code POST .../devices/registrations/revoke}. */
    public RegistrationsResult revoke(String accountId, Collection<String> ids) {
        return execute(Catalog.standard().require("revoke"), accountId, ids);
    }

    /** Unrevokes the registrations, through {@code POST .../devices/registrations/unrevoke}. */
    public RegistrationsResult unrevoke(String accountId, Collection<String> ids) {
        return execute(Catalog.standard().require("unrevoke"), accountId, ids);
    }

    /**
     * The calls a revoke or unrevoke would send, without sending them: for dry runs and for showing
     * what will happen.
     *
     * @throws IllegalArgumentException as {@link #revoke} does, before any request
     */
    public List<ReplacementCall> plan(Deprecation deprecation, String accountId, Collection<String> ids) {
        Identifiers.requireValidAccountId(accountId);
        return batchLimits.split(baseUrl, deprecation, accountId, RegistrationIds.of(ids));
    }

    /**
     * Calls the replacement of {@code deprecation} for these IDs.
     *
     * @throws IllegalArgumentException if the account ID or an ID is not valid; nothing is sent then
     */
    public RegistrationsResult execute(Deprecation deprecation, String accountId, Collection<String> ids) {
        return execute(deprecation, accountId, ids, call -> {});
    }

    /**
     * As {@link #execute(Deprecation, String, Collection)}, and tells {@code eachCall} the outcome
     * of every replacement call as soon as it is known, in order and on this thread, calls not sent
     * included: so that a record written as the calls complete survives a run that is stopped.
     * Interrupting the thread (from {@code eachCall}, say) sends no further call.
     *
     * @throws IllegalArgumentException if the account ID or an ID is not valid; nothing is sent then
     */
    public RegistrationsResult execute(
            Deprecation deprecation, String accountId, Collection<String> ids, Consumer<RegistrationsResult> eachCall) {
        return send(deprecation, plan(deprecation, accountId, ids), eachCall);
    }

    /**
     * Sends calls that this client {@link #plan planned} for {@code deprecation}, in order, and
     * tells {@code eachCall} each one's outcome as {@link #execute(Deprecation, String, Collection,
     * Consumer)} does: so that what a caller records or shows of a plan is what is sent, planned once.
     *
     * @throws IllegalArgumentException if a call was planned for another operation or under another
     *     base URL (credentials go only to this client's); nothing is sent then
     */
    public RegistrationsResult send(
            Deprecation deprecation, List<ReplacementCall> calls, Consumer<RegistrationsResult> eachCall) {
        Objects.requireNonNull(deprecation, "deprecation");
        Objects.requireNonNull(eachCall, "eachCall");
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
        for (ReplacementCall call : calls) {
            if (!call.deprecation().id().equals(deprecation.id())) {
                throw new IllegalArgumentException(
                        "a call of the plan is for '" + call.deprecation().id() + "', not '" + deprecation.id() + "'");
            }
            if (!call.url().toString().startsWith(base)) {
                throw new IllegalArgumentException("a call of the plan is not under this client's base URL "
                        + Credentials.redactUrl(base) + "; plan it with this client");
            }
        }
        long deadline = System.nanoTime() + retryPolicy.deadline().toNanos();
        List<String> succeeded = new ArrayList<>();
        List<RegistrationsResult.Failure> failures = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            ReplacementCall call = calls.get(i);
            if (Thread.currentThread().isInterrupted() || System.nanoTime() >= deadline) {
                String why = Thread.currentThread().isInterrupted()
                        ? "not sent: the thread was interrupted"
                        : "not sent: the deadline of " + retryPolicy.deadline() + " passed";
                for (ReplacementCall unsent : calls.subList(i, calls.size())) {
                    RegistrationsResult.Failure failure =
                            new RegistrationsResult.Failure(unsent.ids(), 0, List.of(), why, 0);
                    failures.add(failure);
                    eachCall.accept(new RegistrationsResult(deprecation.id(), List.of(), List.of(failure)));
                }
                break;
            }
            RegistrationsResult.Failure failure = send(call, deadline);
            if (failure == null) {
                succeeded.addAll(call.ids());
                eachCall.accept(new RegistrationsResult(deprecation.id(), call.ids(), List.of()));
            } else {
                failures.add(failure);
                eachCall.accept(new RegistrationsResult(deprecation.id(), List.of(), List.of(failure)));
            }
        }
        return new RegistrationsResult(deprecation.id(), succeeded, failures);
    }

    /** Sends one call with retries; null when Cloudflare accepted it. */
    private RegistrationsResult.Failure send(ReplacementCall call, long deadline) {
        Reply reply = exchange(call.method(), call.url(), deadline);
        return reply.envelope != null
                ? null
                : new RegistrationsResult.Failure(call.ids(), reply.status, reply.errors, reply.reason, reply.attempts);
    }

    /**
     * Sends one request with retries, the one way every call of this client goes out: the envelope
     * of a 2xx answer whose {@code success} is true, or why there is none.
     */
    private Reply exchange(String method, HttpUrl url, long deadline) {
        Request.Builder request = new Request.Builder()
                .url(url)
                .method(method, method.equals("GET") ? null : EMPTY_BODY)
                .header("Accept", "application/json")
                .header("User-Agent", Version.userAgent());
        credentials.applyTo(request);
        RetryPolicy.Exchange exchange;
        try {
            exchange =
                    retryPolicy.send(request.build(), r -> httpClient.newCall(r).execute(), deadline);
        } catch (InterruptedIOException e) {
            return Reply.failed(0, List.of(), "interrupted before an answer came", 1);
        } catch (RuntimeException e) {
            // e.g. from an interceptor of the caller's OkHttpClient: this call failed, the others
            // are still reported rather than lost with the exception.
            return Reply.failed(0, List.of(), "the HTTP client failed: " + e, 1);
        }
        String attempts = exchange.attempts() == 1 ? "" : " after " + exchange.attempts() + " attempts";
        if (exchange.response() == null) {
            IOException cause = exchange.failure();
            return Reply.failed(
                    0,
                    List.of(),
                    "no response from " + baseUrl.host() + attempts + ": " + describe(cause),
                    exchange.attempts());
        }
        try (Response response = exchange.response()) {
            Envelope envelope = CloudflareJson.readEnvelope(response);
            if (response.isSuccessful() && envelope != null && envelope.success()) {
                return new Reply(envelope, response.code(), List.of(), "", exchange.attempts());
            }
            String reason = "HTTP "
                    + response.code()
                    + attempts
                    + (envelope == null ? " (the body was not a Cloudflare envelope)" : "")
                    + (response.isSuccessful() && envelope != null ? " with success=false" : "");
            return Reply.failed(
                    response.code(), envelope == null ? List.of() : envelope.errors(), reason, exchange.attempts());
        }
    }

    /** The outcome of {@link #exchange}: an accepted envelope, or the failure's details. */
    private static final class Reply {
        final Envelope envelope;
        final int status;
        final List<ResponseInfo> errors;
        final String reason;
        final int attempts;

        Reply(Envelope envelope, int status, List<ResponseInfo> errors, String reason, int attempts) {
            this.envelope = envelope;
            this.status = status;
            this.errors = errors;
            this.reason = reason;
            this.attempts = attempts;
        }

        static Reply failed(int status, List<ResponseInfo> errors, String reason, int attempts) {
            return new Reply(null, status, errors, reason, attempts);
        }
    }

    /**
     * The account's registrations, every page, fetched as the iteration reaches it. {@code
     * filters} are the list's query parameters, e.g. {@code status=all}: without it Cloudflare
     * lists only active registrations, leaving revoked ones out. Pages are {@link
     * Builder#pageSize(int)} long; each page is retried under its own {@link RetryPolicy#deadline()}.
     *
     * @throws IllegalArgumentException if the account ID is not valid, or {@code filters} sets
     *     {@code cursor} or {@code per_page} (the listing sets them); nothing is sent then
     * @see Listing for the failure of a page
     */
    public Listing<Registration> listRegistrations(String accountId, Map<String, String> filters) {
        return list(
                Catalog.standard().require("list-devices").replacements().get(0), accountId, filters, REGISTRATIONS);
    }

    /**
     * The account's physical devices, every page, as {@link #listRegistrations}. Without {@code
     * active_registrations=include} in {@code filters}, Cloudflare leaves out the devices that have
     * no active registration.
     */
    public Listing<PhysicalDevice> listPhysicalDevices(String accountId, Map<String, String> filters) {
        return list(
                Catalog.standard().require("list-devices").replacements().get(1), accountId, filters, PHYSICAL_DEVICES);
    }

    /**
     * One registration, whatever its status.
     *
     * @throws IllegalArgumentException if the account or registration ID is not valid; nothing is sent
     * @throws CloudflareApiException if it cannot be read; {@link CloudflareApiException#isNotFound()}
     *     when the account has no such registration
     */
    public Registration getRegistration(String accountId, String registrationId) {
        return get(
                Catalog.standard().require("get-device").replacements().get(0),
                accountId,
                registrationId,
                REGISTRATION);
    }

    /**
     * One physical device, by the ID that is its registrations' {@code device.id}.
     *
     * @throws IllegalArgumentException if the account or device ID is not valid; nothing is sent
     * @throws CloudflareApiException as {@link #getRegistration}
     */
    public PhysicalDevice getPhysicalDevice(String accountId, String deviceId) {
        return get(
                Catalog.standard().require("get-device").replacements().get(1), accountId, deviceId, PHYSICAL_DEVICE);
    }

    /**
     * A registration's override codes.
     *
     * @throws IllegalArgumentException if the account or registration ID is not valid; nothing is sent
     * @throws CloudflareApiException as {@link #getRegistration}
     */
    public OverrideCodes getOverrideCodes(String accountId, String registrationId) {
        return get(
                Catalog.standard().require("override-codes").replacement(), accountId, registrationId, OVERRIDE_CODES);
    }

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

    private <T> Listing<T> list(
            Endpoint endpoint, String accountId, Map<String, String> filters, JsonAdapter<List<T>> adapter) {
        Identifiers.requireValidAccountId(accountId);
        for (String reserved : List.of("cursor", "per_page")) {
            if (filters.containsKey(reserved)) {
                throw new IllegalArgumentException(
                        "filters must not set " + reserved + "; the listing pages with it itself");
            }
        }
        Map<String, String> query = new TreeMap<>(filters);
        HttpUrl first = url(endpoint, accountId, Map.of());
        String request = endpoint.method() + " " + first.encodedPath();
        return new Listing<>(request, (cursor, page) -> {
            HttpUrl.Builder url = first.newBuilder();
            query.forEach(url::addQueryParameter);
            url.addQueryParameter("per_page", Integer.toString(pageSize));
            if (cursor != null) {
                url.addQueryParameter("cursor", cursor);
            }
            String what = request + " (page " + page + ")";
            Envelope envelope = read(endpoint.method(), url.build(), what);
            List<T> items = decode(adapter, envelope, what, "a JSON array");
            ResultInfo info = envelope.resultInfo().orElse(null);
            return new Listing.Page<>(
                    items,
                    info == null ? null : info.cursor().orElse(null),
                    info == null ? null : info.totalCount().orElse(null));
        });
    }

    private <T> T get(Endpoint endpoint, String accountId, String id, JsonAdapter<T> adapter) {
        Identifiers.requireValidAccountId(accountId);
        String parameter = endpoint.parameters().get(endpoint.parameters().size() - 1);
        Identifiers.requireValid(parameter, id);
        HttpUrl url = url(endpoint, accountId, Map.of(parameter, id));
        String what = endpoint.method() + " " + url.encodedPath();
        return decode(adapter, read(endpoint.method(), url, what), what, "an object");
    }

    /** The endpoint's URL under the base URL, its placeholders filled and percent-encoded. */
    private HttpUrl url(Endpoint endpoint, String accountId, Map<String, String> values) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        for (String segment : endpoint.pathSegments(accountId)) {
            boolean placeholder = segment.startsWith("{") && segment.endsWith("}");
            url.addPathSegment(placeholder ? values.get(segment.substring(1, segment.length() - 1)) : segment);
        }
        return url.build();
    }

    private Envelope read(String method, HttpUrl url, String what) {
        Reply reply =
                exchange(method, url, System.nanoTime() + retryPolicy.deadline().toNanos());
        if (reply.envelope == null) {
            throw new CloudflareApiException(what, reply.status, reply.errors, reply.reason, reply.attempts);
        }
        return reply.envelope;
    }

    private static <T> T decode(JsonAdapter<T> adapter, Envelope envelope, String what, String expected) {
        T value;
        try {
            value = adapter.fromJsonValue(envelope.result());
        } catch (RuntimeException e) {
            throw new CloudflareApiException(
                    what,
                    200,
                    List.of(),
                    "the result is not " + expected + " of the expected shape: " + e.getMessage(),
                    1);
        }
        if (value == null) {
            throw new CloudflareApiException(what, 200, List.of(), "the result is null; expected " + expected, 1);
        }
        return value;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    /** The base URL every call goes under. */
    public String baseUrl() {
        return baseUrl.toString();
    }

    @Override
    public String toString() {
        return "RegistrationsClient{baseUrl="
                + Credentials.redactUrl(baseUrl.toString())
                + ", credentials="
                + credentials
                + ", "
                + batchLimits
                + ", "
                + retryPolicy
                + "}";
    }

    /** Configures a {@link RegistrationsClient}. Settings made explicitly win over the environment. */
    public static final class Builder {
        private HttpUrl baseUrl;
        private Credentials credentials;
        private Map<String, String> environment = Map.of();
        private OkHttpClient httpClient;
        private BatchLimits batchLimits = BatchLimits.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {}

        /** The API token or email + key pair; required unless the environment supplies it. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The API's base URL, default {@value Catalog#DEFAULT_BASE_URL}: an http or https URL with no
         * user info, query or fragment.
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = parseBaseUrl(baseUrl);
            return this;
        }

        /**
         * Reads {@code CLOUDFLARE_BASE_URL}, {@code CLOUDFLARE_API_TOKEN}, {@code CLOUDFLARE_EMAIL}
         * and {@code CLOUDFLARE_API_KEY} from this map (usually {@code System.getenv()}) for whatever
         * was not set explicitly.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The OkHttp client to send with (its pool, timeouts, interceptors); redirects are turned off. */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public Builder batchLimits(BatchLimits batchLimits) {
            this.batchLimits = Objects.requireNonNull(batchLimits, "batchLimits");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Items per page of a list ({@code per_page}), from 1 to {@value #MAX_PAGE_SIZE}; default
         * {@value #DEFAULT_PAGE_SIZE}. Bounded so that a page's answer stays well within the 1 MiB
         * read of a response body.
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be from 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * @throws IllegalStateException if there are no credentials, explicit or from the environment
         */
        public RegistrationsClient build() {
            HttpUrl baseUrl = this.baseUrl;
            if (baseUrl == null) {
                String fromEnv = environment.get("CLOUDFLARE_BASE_URL");
                baseUrl = parseBaseUrl(fromEnv == null || fromEnv.isBlank() ? Catalog.DEFAULT_BASE_URL : fromEnv);
            }
            Credentials credentials = this.credentials;
            if (credentials == null) {
                credentials = Credentials.fromEnvironment(environment)
                        .orElseThrow(() -> new IllegalStateException("no Cloudflare credentials: set "
                                + Credentials.ENV_API_TOKEN
                                + " (or "
                                + Credentials.ENV_EMAIL
                                + " and "
                                + Credentials.ENV_API_KEY
                                + "), or pass Credentials to the builder"));
            }
            OkHttpClient httpClient = this.httpClient;
            if (httpClient == null) {
                httpClient = new OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(30))
                        .callTimeout(Duration.ofSeconds(45))
                        .build();
            }
            return new RegistrationsClient(baseUrl, credentials, httpClient, batchLimits, retryPolicy, pageSize);
        }

        static HttpUrl parseBaseUrl(String value) {
            Objects.requireNonNull(value, "baseUrl");
            HttpUrl url = HttpUrl.parse(value.trim());
            if (url == null) {
                throw new IllegalArgumentException(
                        "base URL \"" + Credentials.redactUrl(value) + "\" is not an http or https URL");
            }
            if (!url.username().isEmpty() || !url.password().isEmpty()) {
                throw new IllegalArgumentException(
                        "base URL must not contain user info; pass credentials with Credentials instead");
            }
            if (url.query() != null || url.fragment() != null) {
                throw new IllegalArgumentException(
                        "base URL \"" + Credentials.redactUrl(value) + "\" must not have a query or fragment");
            }
            return url;
        }
    }
}
