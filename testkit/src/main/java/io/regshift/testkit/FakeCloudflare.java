package io.regshift.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stateful fake of Cloudflare's Zero Trust device endpoints, served by WireMock on loopback: the
 * replacement endpoints (revoke and unrevoke registrations, {@code POST
 * /accounts/{account_id}/devices/registrations/revoke?id=...}; list and get registrations and
 * physical devices with cursor pagination; a registration's override codes) and the five
 * deprecated ones ({@code POST /accounts/{account_id}/devices/revoke} and {@code .../unrevoke},
 * IDs as a JSON array body; {@code GET .../devices}, {@code GET .../devices/{device_id}} and
 * {@code GET .../devices/{device_id}/override_codes}).
 *
 * <p>It holds each account's registrations and physical devices ({@link #givenRegistrations},
 * {@link #givenPhysicalDevices}) and which registration IDs are revoked since when, checks the auth
 * headers against the credentials it was built with, answers in Cloudflare's envelope, records
 * every request, and injects {@link Fault faults} on demand. The deprecated endpoints answer as
 * they do after their end of life (404 with an error envelope) unless built with {@link
 * LegacyMode#BEFORE_END_OF_LIFE}, when they answer in their old shapes from the same state.
 *
 * <p>As a JUnit 5 extension it starts before the tests, resets before each one, and stops after:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeCloudflare cloudflare = FakeCloudflare.builder().apiToken("test-token").build();
 *
 * @Test
 * void revokes() {
 *   myClient(cloudflare.baseUrl(), "test-token").revoke("acc", List.of("a", "b"));
 *   assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrder("a", "b");
 * }
 * }</pre>
 *
 * <p>Outside JUnit, call {@link #start()} and {@link #close()}. Other stubs can be added through
 * {@link #wireMock()}; they take precedence over the fake's own routes.
 */
public final class FakeCloudflare
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, AutoCloseable {

    /** The path prefix Cloudflare's API lives under; {@link #baseUrl()} ends with it. */
    public static final String API_PREFIX = "/client/v4";

    /** How the deprecated endpoints answer. */
    public enum LegacyMode {
        /** 404 with an error envelope, as Cloudflare has answered since 2025-11-11. The default. */
        AFTER_END_OF_LIFE,
        /**
         * As they worked before: revoke and unrevoke take a JSON array of at most 200 ID strings in
         * the body; the GETs answer in the old device shape, built from the registrations and
         * physical devices.
         */
        BEFORE_END_OF_LIFE
    }

    /** The routes the fake serves, and {@link #OTHER} for anything else. */
    public enum Route {
        /** {@code POST /accounts/{account_id}/devices/registrations/revoke?id=...}. */
        REGISTRATIONS_REVOKE,
        /** {@code POST /accounts/{account_id}/devices/registrations/unrevoke?id=...}. */
        REGISTRATIONS_UNREVOKE,
        /** {@code GET /accounts/{account_id}/devices/registrations}, cursor-paginated. */
        REGISTRATIONS_LIST,
        /** {@code GET /accounts/{account_id}/devices/registrations/{registration_id}}. */
        REGISTRATION_GET,
        /** {@code GET /accounts/{account_id}/devices/registrations/{registration_id}/override_codes}. */
        REGISTRATION_OVERRIDE_CODES,
        /** {@code GET /accounts/{account_id}/devices/physical-devices}, cursor-paginated. */
        PHYSICAL_DEVICES_LIST,
        /** {@code GET /accounts/{account_id}/devices/physical-devices/{device_id}}. */
        PHYSICAL_DEVICE_GET,
        /** {@code POST /accounts/{account_id}/devices/revoke} (deprecated). */
        LEGACY_REVOKE,
        /** {@code POST /accounts/{account_id}/devices/unrevoke} (deprecated). */
        LEGACY_UNREVOKE,
        /** {@code GET /accounts/{account_id}/devices} (deprecated). */
        LEGACY_DEVICES_LIST,
        /** {@code GET /accounts/{account_id}/devices/{device_id}} (deprecated). */
        LEGACY_DEVICE_GET,
        /** {@code GET /accounts/{account_id}/devices/{device_id}/override_codes} (deprecated). */
        LEGACY_OVERRIDE_CODES,
        OTHER
    }

    /** An auth scheme, as seen in a request's headers. */
    public enum AuthScheme {
        /** {@code Authorization: Bearer <token>}. */
        API_TOKEN,
        /** {@code X-Auth-Email} and {@code X-Auth-Key}. */
        API_KEY,
        NONE
    }

    private final Set<String> tokens;
    private final Map<String, String> keys;
    private final LegacyMode legacyMode;
    private final int port;
    private final int threads;
    private final Clock clock;
    private final CloudflareHandler handler;
    private WireMockServer server;
    private StubMapping routes;
    private boolean startedForOneTest;

    private FakeCloudflare(Builder builder) {
        this.tokens = Set.copyOf(builder.tokens);
        this.keys = Map.copyOf(builder.keys);
        this.legacyMode = builder.legacyMode;
        this.port = builder.port;
        this.threads = builder.threads;
        this.clock = builder.clock;
        this.handler = new CloudflareHandler(this, builder.seed);
    }

    /** A fake that accepts the API token {@code test-token}, with the legacy endpoints past end of life. */
    public static FakeCloudflare create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server on loopback; does nothing if it is running. */
    public synchronized FakeCloudflare start() {
        if (server == null) {
            WireMockServer s = new WireMockServer(options()
                    .bindAddress("127.0.0.1")
                    .port(port)
                    .containerThreads(threads)
                    .jettyHeaderRequestSize(64 * 1024)
                    .notifier(new ConsoleNotifier(false))
                    .extensions(handler));
            s.start();
            routes = s.stubFor(any(anyUrl())
                    .atPriority(Integer.MAX_VALUE)
                    .willReturn(aResponse().withTransformers(CloudflareHandler.NAME)));
            server = s;
        }
        return this;
    }

    /** Stops the server; the fake can be started again. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Forgets the state, the injected faults and the journal; custom WireMock stubs stay. */
    public void reset() {
        handler.reset();
    }

    /** Removes the stubs added through {@link #wireMock()}, keeping the fake's own routes. */
    public FakeCloudflare removeCustomStubs() {
        WireMockServer s = running();
        for (StubMapping stub : s.getStubMappings()) {
            if (!stub.getId().equals(routes.getId())) {
                s.removeStub(stub);
            }
        }
        return this;
    }

    /** {@code http://127.0.0.1:PORT/client/v4}, the base URL to give the client under test. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + API_PREFIX;
    }

    public int port() {
        return running().port();
    }

    /** The WireMock server behind the fake, for stubs and verifications of its own. */
    public WireMockServer wireMock() {
        return running();
    }

    /** The IDs currently revoked in the account (a snapshot). */
    public Set<String> revokedIds(String accountId) {
        return handler.revoked(accountId);
    }

    /** Marks IDs as revoked, as if revoked earlier: the starting state for unrevoke tests. */
    public FakeCloudflare givenRevoked(String accountId, String... ids) {
        handler.revoke(accountId, Arrays.asList(ids));
        return this;
    }

    /**
     * Adds registrations to the account, or replaces those with the same ID. A registration's
     * {@code revoked_at} becomes the account's revoked state for its ID, as if revoked then (or,
     * when absent, as if unrevoked). They are served in the order given.
     */
    public FakeCloudflare givenRegistrations(String accountId, FakeRegistration... registrations) {
        handler.addRegistrations(Objects.requireNonNull(accountId, "accountId"), List.of(registrations));
        return this;
    }

    /** Adds physical devices to the account, or replaces those with the same ID; served in the order given. */
    public FakeCloudflare givenPhysicalDevices(String accountId, FakePhysicalDevice... devices) {
        handler.addPhysicalDevices(Objects.requireNonNull(accountId, "accountId"), List.of(devices));
        return this;
    }

    /** The account's registrations in the order given, each with its current {@code revoked_at} (a snapshot). */
    public List<FakeRegistration> registrations(String accountId) {
        return handler.registrations(accountId);
    }

    /** The account's physical devices in the order given (a snapshot). */
    public List<FakePhysicalDevice> physicalDevices(String accountId) {
        return handler.physicalDevices(accountId);
    }

    /** Adds a fault; faults are checked in the order injected, and the first that applies wins. */
    public FakeCloudflare inject(Fault fault) {
        handler.inject(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Removes every injected fault. */
    public FakeCloudflare clearFaults() {
        handler.clearFaults();
        return this;
    }

    /** Every request received since the last reset, in order of arrival. */
    public List<RecordedCall> calls() {
        return handler.calls();
    }

    /** The requests received on one route since the last reset. */
    public List<RecordedCall> calls(Route route) {
        return calls().stream().filter(c -> c.route() == route).collect(Collectors.toList());
    }

    LegacyMode legacyMode() {
        return legacyMode;
    }

    /** The time a revoke records as {@code revoked_at}: RFC 3339, whole seconds, UTC. */
    String now() {
        return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Whether the request's headers carry one of the accepted credentials. */
    boolean isAuthorized(Function<String, String> header) {
        String authorization = header.apply("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return tokens.contains(authorization.substring("Bearer ".length()));
        }
        String email = header.apply("X-Auth-Email");
        String key = header.apply("X-Auth-Key");
        return email != null && key != null && key.equals(keys.get(email));
    }

    private synchronized WireMockServer running() {
        if (server == null) {
            throw new IllegalStateException(
                    "FakeCloudflare is not running: register it with @RegisterExtension or call start()");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (this) {
            if (server == null) {
                start();
                startedForOneTest = true;
            }
        }
        reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        synchronized (this) {
            if (startedForOneTest) {
                close();
                startedForOneTest = false;
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public String toString() {
        return "FakeCloudflare{" + (server == null ? "stopped" : baseUrl()) + ", legacy endpoints " + legacyMode + "}";
    }

    /** Configures a {@link FakeCloudflare}. */
    public static final class Builder {
        private final Set<String> tokens = new LinkedHashSet<>();
        private final Map<String, String> keys = new LinkedHashMap<>();
        private LegacyMode legacyMode = LegacyMode.AFTER_END_OF_LIFE;
        private int port;
        private int threads = 64;
        private long seed = 42;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Accepts {@code Authorization: Bearer <token>}; repeatable. */
        public Builder apiToken(String token) {
            tokens.add(Objects.requireNonNull(token, "token"));
            return this;
        }

        /** Accepts {@code X-Auth-Email: <email>} with {@code X-Auth-Key: <key>}; repeatable. */
        public Builder apiKey(String email, String key) {
            keys.put(Objects.requireNonNull(email, "email"), Objects.requireNonNull(key, "key"));
            return this;
        }

        /** How the deprecated endpoints answer; default {@link LegacyMode#AFTER_END_OF_LIFE}. */
        public Builder legacyMode(LegacyMode mode) {
            this.legacyMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** A fixed port; default 0, a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Server threads, so that many concurrent clients are served at once; default 64. */
        public Builder threads(int threads) {
            if (threads < 4) {
                throw new IllegalArgumentException("threads must be at least 4, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** The seed of {@link Fault#onFraction(double)}'s random choices; default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The clock revokes read {@code revoked_at} from; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Without an {@link #apiToken} or {@link #apiKey}, accepts the token {@code test-token}. */
        public FakeCloudflare build() {
            if (tokens.isEmpty() && keys.isEmpty()) {
                tokens.add("test-token");
            }
            return new FakeCloudflare(this);
        }
    }
}
