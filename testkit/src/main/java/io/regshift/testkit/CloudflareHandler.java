package io.regshift.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's behaviour: routes a request, applies faults, checks auth, changes state and answers
 * with an envelope. One instance per {@link FakeCloudflare}; every method is thread-safe.
 */
final class CloudflareHandler implements ResponseDefinitionTransformerV2 {
    static final String NAME = "regshift-fake-cloudflare";

    /** Cloudflare's codes as the fake uses them; see the testkit README. */
    static final int CODE_AUTH = 10000;

    static final int CODE_NO_ROUTE = 7003;
    static final int CODE_METHOD = 10405;
    static final int CODE_MISSING_ID = 1002;
    static final int CODE_BAD_BODY = 1001;
    static final int CODE_TOO_MANY_IDS = 1004;
    static final int CODE_END_OF_LIFE = 1404;
    static final int CODE_RATE_LIMITED = 971;
    static final int LEGACY_MAX_IDS = 200;

    private final FakeCloudflare fake;
    private final long seed;
    private final Map<String, Set<String>> revoked = new LinkedHashMap<>();
    private final List<InjectedFault> faults = new ArrayList<>();
    private final List<RecordedCall> calls = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private Random random;

    CloudflareHandler(FakeCloudflare fake, long seed) {
        this.fake = fake;
        this.seed = seed;
        this.random = new Random(seed);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    synchronized void reset() {
        revoked.clear();
        faults.clear();
        calls.clear();
        sequence.set(0);
        random = new Random(seed);
    }

    synchronized void inject(Fault fault) {
        faults.add(new InjectedFault(fault));
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    /** In order of arrival: entries are added when answered, so concurrent ones are sorted back. */
    synchronized List<RecordedCall> calls() {
        List<RecordedCall> sorted = new ArrayList<>(calls);
        sorted.sort(java.util.Comparator.comparingInt(RecordedCall::sequence));
        return List.copyOf(sorted);
    }

    synchronized Set<String> revoked(String accountId) {
        return Set.copyOf(revoked.getOrDefault(accountId, Set.of()));
    }

    synchronized void revoke(String accountId, List<String> ids) {
        revoked.computeIfAbsent(accountId, a -> new LinkedHashSet<>()).addAll(ids);
    }

    private synchronized void unrevoke(String accountId, List<String> ids) {
        Set<String> set = revoked.get(accountId);
        if (set != null) {
            set.removeAll(ids);
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        int number = sequence.incrementAndGet();
        Parsed parsed = Parsed.of(request);

        Fault fault = faultFor(number, parsed.ids);
        Answer answer;
        if (fault != null && fault.kind() != Fault.Kind.LATENCY) {
            answer = Answer.of(fault);
        } else {
            answer = serve(request, parsed);
            if (fault != null) {
                answer = answer.delayed(fault.duration());
            }
        }
        record(number, request, parsed, answer.status, fault);
        return answer.definition();
    }

    private Answer serve(Request request, Parsed parsed) {
        if (parsed.route == FakeCloudflare.Route.OTHER) {
            return Answer.error(
                    404,
                    CODE_NO_ROUTE,
                    "Could not route to " + parsed.path + ", perhaps your object identifier is invalid?");
        }
        if (!request.getMethod().value().equals("POST")) {
            return Answer.error(405, CODE_METHOD, "Method " + request.getMethod() + " not allowed");
        }
        if (!fake.isAuthorized(request::getHeader)) {
            return Answer.error(403, CODE_AUTH, "Authentication error");
        }
        switch (parsed.route) {
            case REGISTRATIONS_REVOKE:
            case REGISTRATIONS_UNREVOKE:
                if (parsed.ids.isEmpty()) {
                    return Answer.error(400, CODE_MISSING_ID, "id: at least one id query parameter is required");
                }
                if (parsed.ids.contains("")) {
                    return Answer.error(400, CODE_MISSING_ID, "id: an id query parameter is empty");
                }
                apply(parsed.route == FakeCloudflare.Route.REGISTRATIONS_REVOKE, parsed);
                return Answer.success();
            default:
                return serveLegacy(parsed);
        }
    }

    private Answer serveLegacy(Parsed parsed) {
        if (fake.legacyMode() == FakeCloudflare.LegacyMode.AFTER_END_OF_LIFE) {
            String replacement = parsed.route == FakeCloudflare.Route.LEGACY_REVOKE ? "revoke" : "unrevoke";
            return Answer.error(
                    404,
                    CODE_END_OF_LIFE,
                    "This endpoint reached its end of life on 2025-11-11; use POST /accounts/{account_id}"
                            + "/devices/registrations/"
                            + replacement
                            + " with the IDs as id query parameters");
        }
        if (parsed.bodyProblem != null) {
            return Answer.error(400, CODE_BAD_BODY, parsed.bodyProblem);
        }
        if (parsed.ids.size() > LEGACY_MAX_IDS) {
            return Answer.error(
                    400, CODE_TOO_MANY_IDS, "at most " + LEGACY_MAX_IDS + " IDs per request, got " + parsed.ids.size());
        }
        apply(parsed.route == FakeCloudflare.Route.LEGACY_REVOKE, parsed);
        return Answer.success();
    }

    private void apply(boolean revoke, Parsed parsed) {
        if (revoke) {
            revoke(parsed.accountId, parsed.ids);
        } else {
            unrevoke(parsed.accountId, parsed.ids);
        }
    }

    /** The first injected fault that applies to this request, counted as used. */
    private synchronized Fault faultFor(int number, List<String> ids) {
        for (InjectedFault injected : faults) {
            Fault f = injected.fault;
            if (injected.used >= f.maxTimes()) {
                continue;
            }
            if (f.onRequestNumber() != 0 && f.onRequestNumber() != number) {
                continue;
            }
            if (f.idPresent() != null && !ids.contains(f.idPresent())) {
                continue;
            }
            if (f.fraction() < 1.0 && random.nextDouble() >= f.fraction()) {
                continue;
            }
            injected.used++;
            return f;
        }
        return null;
    }

    private synchronized void record(int number, Request request, Parsed parsed, int status, Fault fault) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), List.copyOf(header.values()));
        }
        calls.add(new RecordedCall(
                number,
                Instant.now(),
                request.getMethod().value(),
                request.getUrl(),
                parsed.route,
                parsed.accountId,
                parsed.ids,
                headers,
                request.getBody() == null ? new byte[0] : request.getBody(),
                status,
                fault));
    }

    private static final class InjectedFault {
        final Fault fault;
        int used;

        InjectedFault(Fault fault) {
            this.fault = fault;
        }
    }

    /** What the request is, read from its path, query and body. */
    private static final class Parsed {
        FakeCloudflare.Route route = FakeCloudflare.Route.OTHER;
        String path;
        String accountId;
        List<String> ids = List.of();
        String bodyProblem;

        static Parsed of(Request request) {
            Parsed p = new Parsed();
            String url = request.getUrl();
            int q = url.indexOf('?');
            p.path = q < 0 ? url : url.substring(0, q);
            String query = q < 0 ? "" : url.substring(q + 1);

            if (!p.path.startsWith(FakeCloudflare.API_PREFIX + "/")) {
                return p;
            }
            String[] raw =
                    p.path.substring(FakeCloudflare.API_PREFIX.length() + 1).split("/", -1);
            List<String> segments = new ArrayList<>();
            for (String segment : raw) {
                segments.add(decodePath(segment));
            }
            // accounts/{account_id}/devices/[registrations/]{revoke|unrevoke}
            if (segments.size() < 4
                    || !segments.get(0).equals("accounts")
                    || segments.get(1).isEmpty()
                    || !segments.get(2).equals("devices")) {
                return p;
            }
            List<String> rest = segments.subList(3, segments.size());
            if (rest.equals(List.of("registrations", "revoke"))) {
                p.route = FakeCloudflare.Route.REGISTRATIONS_REVOKE;
            } else if (rest.equals(List.of("registrations", "unrevoke"))) {
                p.route = FakeCloudflare.Route.REGISTRATIONS_UNREVOKE;
            } else if (rest.equals(List.of("revoke"))) {
                p.route = FakeCloudflare.Route.LEGACY_REVOKE;
            } else if (rest.equals(List.of("unrevoke"))) {
                p.route = FakeCloudflare.Route.LEGACY_UNREVOKE;
            } else {
                return p;
            }
            p.accountId = segments.get(1);
            if (p.route == FakeCloudflare.Route.REGISTRATIONS_REVOKE
                    || p.route == FakeCloudflare.Route.REGISTRATIONS_UNREVOKE) {
                p.ids = queryValues(query, "id");
            } else {
                p.readLegacyBody(request.getBodyAsString());
            }
            return p;
        }

        private void readLegacyBody(String body) {
            Object json;
            try {
                json = body == null || body.isBlank() ? null : Json.read(body, Object.class);
            } catch (RuntimeException e) {
                bodyProblem = "request body is not valid JSON";
                return;
            }
            if (!(json instanceof List)) {
                bodyProblem = "request body must be a JSON array of registration ID strings";
                return;
            }
            List<String> out = new ArrayList<>();
            List<?> list = (List<?>) json;
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String)) {
                    bodyProblem = "element [" + i + "] of the request body is not a string";
                    return;
                }
                out.add((String) list.get(i));
            }
            if (out.isEmpty()) {
                bodyProblem = "request body holds no registration IDs";
                return;
            }
            if (out.contains("")) {
                bodyProblem = "request body holds an empty registration ID";
                return;
            }
            ids = out;
        }

        /** Percent-decoding of a path segment, where {@code +} is a plus sign. */
        private static String decodePath(String segment) {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        /** Form-style decoding of a query, where {@code +} is a space, as servers read queries. */
        private static List<String> queryValues(String query, String name) {
            List<String> values = new ArrayList<>();
            if (query.isEmpty()) {
                return values;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return values;
        }
    }

    /** A response in the making. */
    private static final class Answer {
        final int status;
        final String body;
        final Map<String, String> headers;
        final Duration delay;
        final boolean reset;

        private Answer(int status, String body, Map<String, String> headers, Duration delay, boolean reset) {
            this.status = status;
            this.body = body;
            this.headers = headers;
            this.delay = delay;
            this.reset = reset;
        }

        static Answer success() {
            return new Answer(200, envelope(true, List.of(), null), Map.of(), Duration.ZERO, false);
        }

        static Answer error(int status, int code, String message) {
            return new Answer(
                    status, envelope(false, List.of(info(code, message)), null), Map.of(), Duration.ZERO, false);
        }

        static Answer of(Fault fault) {
            switch (fault.kind()) {
                case RATE_LIMITED:
                    long seconds =
                            fault.duration().getSeconds() + (fault.duration().getNano() > 0 ? 1 : 0);
                    return new Answer(
                            429,
                            envelope(
                                    false,
                                    List.of(info(
                                            CODE_RATE_LIMITED,
                                            "Please wait and consider throttling your request speed")),
                                    null),
                            Map.of("Retry-After", Long.toString(seconds)),
                            Duration.ZERO,
                            false);
                case SERVER_ERROR:
                    return error(
                            fault.status(),
                            fault.status(),
                            "Server error " + fault.status() + " (injected by FakeCloudflare)");
                case CONNECTION_RESET:
                    return new Answer(0, "", Map.of(), Duration.ZERO, true);
                default:
                    throw new IllegalArgumentException("not an immediate fault: " + fault);
            }
        }

        Answer delayed(Duration by) {
            return new Answer(status, body, headers, by, reset);
        }

        ResponseDefinition definition() {
            ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition();
            if (reset) {
                return builder.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)
                        .build();
            }
            builder.withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body);
            headers.forEach(builder::withHeader);
            if (!delay.isZero()) {
                builder.withFixedDelay((int) delay.toMillis());
            }
            return builder.build();
        }

        private static Map<String, Object> info(int code, String message) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("code", code);
            info.put("message", message);
            return info;
        }

        private static String envelope(boolean success, List<Map<String, Object>> errors, Object result) {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("errors", errors);
            envelope.put("messages", List.of());
            envelope.put("result", result);
            envelope.put("success", success);
            StringBuilder out = new StringBuilder();
            writeJson(envelope, out);
            return out.toString();
        }

        /** Compact JSON, nulls kept, as Cloudflare writes it. */
        private static void writeJson(Object value, StringBuilder out) {
            if (value == null || value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map) {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    out.append(separator);
                    writeJson(entry.getKey().toString(), out);
                    out.append(':');
                    writeJson(entry.getValue(), out);
                    separator = ",";
                }
                out.append('}');
            } else if (value instanceof List) {
                out.append('[');
                String separator = "";
                for (Object element : (List<?>) value) {
                    out.append(separator);
                    writeJson(element, out);
                    separator = ",";
                }
                out.append(']');
            } else {
                out.append('"');
                for (char c : value.toString().toCharArray()) {
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                out.append('"');
            }
        }
    }
}
