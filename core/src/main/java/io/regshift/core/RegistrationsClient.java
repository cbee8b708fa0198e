package io.regshift.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final HttpUrl baseUrl;
    private final Credentials credentials;
    private final OkHttpClient httpClient;
    private final BatchLimits batchLimits;
    private final RetryPolicy retryPolicy;

    private RegistrationsClient(
            HttpUrl baseUrl,
            Credentials credentials,
            OkHttpClient httpClient,
            BatchLimits batchLimits,
            RetryPolicy retryPolicy) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.httpClient = httpClient
                .newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.batchLimits = batchLimits;
        this.retryPolicy = retryPolicy;
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
        Request.Builder request = new Request.Builder()
                .url(call.url())
                .method(call.method(), EMPTY_BODY)
                .header("Accept", "application/json")
                .header("User-Agent", Version.userAgent());
        credentials.applyTo(request);
        RetryPolicy.Exchange exchange;
        try {
            exchange =
                    retryPolicy.send(request.build(), r -> httpClient.newCall(r).execute(), deadline);
        } catch (InterruptedIOException e) {
            return new RegistrationsResult.Failure(call.ids(), 0, List.of(), "interrupted before an answer came", 1);
        } catch (RuntimeException e) {
            // e.g. from an interceptor of the caller's OkHttpClient: this batch failed, the others
            // are still reported rather than lost with the exception.
            return new RegistrationsResult.Failure(call.ids(), 0, List.of(), "the HTTP client failed: " + e, 1);
        }
        String attempts = exchange.attempts() == 1 ? "" : " after " + exchange.attempts() + " attempts";
        if (exchange.response() == null) {
            IOException cause = exchange.failure();
            return new RegistrationsResult.Failure(
                    call.ids(),
                    0,
                    List.of(),
                    "no response from " + baseUrl.host() + attempts + ": " + describe(cause),
                    exchange.attempts());
        }
        try (Response response = exchange.response()) {
            Envelope envelope = CloudflareJson.readEnvelope(response);
            if (response.isSuccessful() && envelope != null && envelope.success()) {
                return null;
            }
            String reason = "HTTP "
                    + response.code()
                    + attempts
                    + (envelope == null ? " (the body was not a Cloudflare envelope)" : "")
                    + (response.isSuccessful() && envelope != null ? " with success=false" : "");
            return new RegistrationsResult.Failure(
                    call.ids(),
                    response.code(),
                    envelope == null ? List.of() : envelope.errors(),
                    reason,
                    exchange.attempts());
        }
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
            return new RegistrationsClient(baseUrl, credentials, httpClient, batchLimits, retryPolicy);
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
