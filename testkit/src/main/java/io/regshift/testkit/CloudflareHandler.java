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
    static final int CODE_BAD_QUERY = 1005;
    static final int CODE_NOT_FOUND = 1006;
    static final int LEGACY_MAX_IDS = 200;

    /** Live sub-resources of {@code /devices/}: never an old device ID. */
    private static final Set<String> LIVE_SUBRESOURCES = Set.of(
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
            "registrations",
            "override_codes");

    private final FakeCloudflare fake;
    private final long seed;
    private final Inventory inventory = new Inventory();
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
        inventory.clear();
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
        return inventory.revokedIds(accountId);
    }

    synchronized void revoke(String accountId, List<String> ids) {
        inventory.revoke(accountId, ids, fake.now());
    }

    private synchronized void unrevoke(String accountId, List<String> ids) {
        inventory.unrevoke(accountId, ids);
    }

    synchronized void addRegistrations(String accountId, List<FakeRegistration> registrations) {
        inventory.addRegistrations(accountId, registrations);
    }

    synchronized void addPhysicalDevices(String accountId, List<FakePhysicalDevice> devices) {
        inventory.addPhysicalDevices(accountId, devices);
    }

    synchronized List<FakeRegistration> registrations(String accountId) {
        return inventory.registrations(accountId);
    }

    synchronized List<FakePhysicalDevice> physicalDevices(String accountId) {
        return inventory.physicalDevices(accountId);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        int number = sequence.incrementAndGet();
        Parsed parsed = Parsed.of(request);

        Fault fault = faultFor(number, parsed);
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
        String method = isPost(parsed.route) ? "POST" : "GET";
        if (!request.getMethod().value().equals(method)) {
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
                return Answer.success(null, null);
            case REGISTRATIONS_LIST:
            case REGISTRATION_GET:
            case REGISTRATION_OVERRIDE_CODES:
            case PHYSICAL_DEVICES_LIST:
            case PHYSICAL_DEVICE_GET:
                return serveRead(parsed);
            default:
                return serveLegacy(parsed);
        }
    }

    private static boolean isPost(FakeCloudflare.Route route) {
        switch (route) {
            case REGISTRATIONS_REVOKE:
            case REGISTRATIONS_UNREVOKE:
            case LEGACY_REVOKE:
            case LEGACY_UNREVOKE:
                return true;
            default:
                return false;
        }
    }

    /** The replacement GET endpoints, answered from the inventory. */
    private synchronized Answer serveRead(Parsed parsed) {
        Query query = parsed.query;
        switch (parsed.route) {
            case REGISTRATIONS_LIST:
                return page(inventory.listRegistrations(parsed.accountId, query), query);
            case PHYSICAL_DEVICES_LIST:
                return page(inventory.listPhysicalDevices(parsed.accountId, query), query);
            case REGISTRATION_GET:
            case REGISTRATION_OVERRIDE_CODES: {
                FakeRegistration r = inventory.registration(parsed.accountId, parsed.resourceId);
                if (r == null) {
                    return notFound("registration", parsed.resourceId);
                }
                if (parsed.route == FakeCloudflare.Route.REGISTRATION_OVERRIDE_CODES) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("disable_for_time", new LinkedHashMap<>(r.overrideCodes()));
                    return Answer.success(result, null);
                }
                String include = query.oneOf("include", "", List.of("", "policy"));
                return query.problem != null
                        ? Answer.error(400, CODE_BAD_QUERY, query.problem)
                        : Answer.success(r.toJson(include.equals("policy")), null);
            }
            default: {
                FakePhysicalDevice d = inventory.physicalDevice(parsed.accountId, parsed.resourceId);
                if (d == null) {
                    return notFound("physical device", parsed.resourceId);
                }
                String include = query.oneOf("include", "", List.of("", "last_seen_registration.policy"));
                return query.problem != null
                        ? Answer.error(400, CODE_BAD_QUERY, query.problem)
                        : Answer.success(
                                d.toJson(inventory.activeRegistrations(parsed.accountId, d.id()), !include.isEmpty()),
                                null);
            }
        }
    }

    /** One page of a cursor-paginated list, or a 400 for a query the API would refuse. */
    private static Answer page(Inventory.Selection selection, Query query) {
        int perPage = query.perPage();
        int[] position = query.position();
        if (position == null) {
            query.problem = "cursor: \"" + query.first("cursor") + "\" is not a cursor this list returned";
        }
        String problem = query.problem != null ? query.problem : selection.problem;
        if (problem != null) {
            return Answer.error(400, CODE_BAD_QUERY, problem);
        }
        int total = selection.rows.size();
        int from = Math.min(position[0], total);
        int to = Math.min(from + perPage, total);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("count", to - from);
        info.put("cursor", to < total ? Query.cursor(to, position[1] + 1) : "");
        info.put("per_page", perPage);
        info.put("total_count", total);
        return Answer.success(new ArrayList<>(selection.rows.subList(from, to)), info);
    }

    private static Answer notFound(String what, String id) {
        return Answer.error(404, CODE_NOT_FOUND, "No " + what + " with ID " + id + " in this account");
    }

    private Answer serveLegacy(Parsed parsed) {
        if (fake.legacyMode() == FakeCloudflare.LegacyMode.AFTER_END_OF_LIFE) {
            return Answer.error(
                    404,
                    CODE_END_OF_LIFE,
                    "This endpoint reached its end of life on 2025-11-11; use " + replacementOf(parsed.route));
        }
        switch (parsed.route) {
            case LEGACY_DEVICES_LIST:
            case LEGACY_DEVICE_GET:
            case LEGACY_OVERRIDE_CODES:
                return serveLegacyRead(parsed);
            default:
                break;
        }
        if (parsed.bodyProblem != null) {
            return Answer.error(400, CODE_BAD_BODY, parsed.bodyProblem);
        }
        if (parsed.ids.size() > LEGACY_MAX_IDS) {
            return Answer.error(
                    400, CODE_TOO_MANY_IDS, "at most " + LEGACY_MAX_IDS + " IDs per request, got " + parsed.ids.size());
        }
        apply(parsed.route == FakeCloudflare.Route.LEGACY_REVOKE, parsed);
        return Answer.success(null, null);
    }

    private static String replacementOf(FakeCloudflare.Route route) {
        switch (route) {
            case LEGACY_REVOKE:
                return "POST /accounts/{account_id}/devices/registrations/revoke with the IDs as id query parameters";
            case LEGACY_UNREVOKE:
                return "POST /accounts/{account_id}/devices/registrations/unrevoke with the IDs as id query parameters";
            case LEGACY_DEVICES_LIST:
                return "GET /accounts/{account_id}/devices/registrations and GET /accounts/{account_id}/devices"
                        + "/physical-devices";
            case LEGACY_DEVICE_GET:
                return "GET /accounts/{account_id}/devices/registrations/{registration_id} and GET"
                        + " /accounts/{account_id}/devices/physical-devices/{device_id}";
            default:
                return "GET /accounts/{account_id}/devices/registrations/{registration_id}/override_codes";
        }
    }

    /** The old GET endpoints as they answered before the end of life, from the same inventory. */
    private synchronized Answer serveLegacyRead(Parsed parsed) {
        if (parsed.route == FakeCloudflare.Route.LEGACY_DEVICES_LIST) {
            List<Object> devices = new ArrayList<>();
            for (FakeRegistration r : inventory.registrations(parsed.accountId)) {
                devices.add(inventory.legacyDevice(parsed.accountId, r));
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("count", devices.size());
            info.put("page", 1);
            info.put("per_page", devices.size());
            info.put("total_count", devices.size());
            return Answer.success(devices, info);
        }
        FakeRegistration r = inventory.registration(parsed.accountId, parsed.resourceId);
        if (r == null) {
            return notFound("device", parsed.resourceId);
        }
        return Answer.success(
                parsed.route == FakeCloudflare.Route.LEGACY_DEVICE_GET
                        ? inventory.legacyDevice(parsed.accountId, r)
                        : Inventory.legacyOverrideCodes(r),
                null);
    }

    private void apply(boolean revoke, Parsed parsed) {
        if (revoke) {
            revoke(parsed.accountId, parsed.ids);
        } else {
            unrevoke(parsed.accountId, parsed.ids);
        }
    }

    /** The first injected fault that applies to this request, counted as used. */
    private synchronized Fault faultFor(int number, Parsed parsed) {
        List<String> ids = parsed.ids;
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
            if (f.route() != null && f.route() != parsed.route) {
                continue;
            }
            if (f.page() != 0 && f.page() != parsed.page) {
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
        String resourceId;
        Query query = Query.parse("");
        List<String> ids = List.of();
        String bodyProblem;
        /** The page of a list this request asks for, from 1; 0 when it is no list or the cursor is not one. */
        int page;

        static Parsed of(Request request) {
            Parsed p = new Parsed();
            String url = request.getUrl();
            int q = url.indexOf('?');
            p.path = q < 0 ? url : url.substring(0, q);
            String rawQuery = q < 0 ? "" : url.substring(q + 1);

            if (!p.path.startsWith(FakeCloudflare.API_PREFIX + "/")) {
                return p;
            }
            String[] raw =
                    p.path.substring(FakeCloudflare.API_PREFIX.length() + 1).split("/", -1);
            List<String> segments = new ArrayList<>();
            for (String segment : raw) {
                segments.add(decodePath(segment));
            }
            // accounts/{account_id}/devices[/...]
            if (segments.size() < 3
                    || !segments.get(0).equals("accounts")
                    || segments.get(1).isEmpty()
                    || !segments.get(2).equals("devices")) {
                return p;
            }
            p.route(segments.subList(3, segments.size()));
            if (p.route == FakeCloudflare.Route.OTHER) {
                return p;
            }
            p.accountId = segments.get(1);
            p.query = Query.parse(rawQuery);
            switch (p.route) {
                case REGISTRATIONS_REVOKE:
                case REGISTRATIONS_UNREVOKE:
                case REGISTRATIONS_LIST:
                case PHYSICAL_DEVICES_LIST:
                    p.ids = p.query.all("id");
                    break;
                case LEGACY_REVOKE:
                case LEGACY_UNREVOKE:
                    p.readLegacyBody(request.getBodyAsString());
                    break;
                default:
                    p.ids = p.resourceId == null ? List.of() : List.of(p.resourceId);
                    break;
            }
            if (p.route == FakeCloudflare.Route.REGISTRATIONS_LIST
                    || p.route == FakeCloudflare.Route.PHYSICAL_DEVICES_LIST) {
                int[] position = p.query.position();
                p.page = position == null ? 0 : position[1];
            }
            return p;
        }

        /** Sets the route and the ID in the path from the segments after {@code devices}. */
        private void route(List<String> rest) {
            int n = rest.size();
            String first = n > 0 ? rest.get(0) : null;
            String second = n > 1 ? rest.get(1) : null;
            if (n == 0) {
                route = FakeCloudflare.Route.LEGACY_DEVICES_LIST;
            } else if (first.equals("registrations")) {
                if (n == 1) {
                    route = FakeCloudflare.Route.REGISTRATIONS_LIST;
                } else if (n == 2 && second.equals("revoke")) {
                    route = FakeCloudflare.Route.REGISTRATIONS_REVOKE;
                } else if (n == 2 && second.equals("unrevoke")) {
                    route = FakeCloudflare.Route.REGISTRATIONS_UNREVOKE;
                } else if (n == 2 && !second.isEmpty()) {
                    route = FakeCloudflare.Route.REGISTRATION_GET;
                    resourceId = second;
                } else if (n == 3 && !second.isEmpty() && rest.get(2).equals("override_codes")) {
                    route = FakeCloudflare.Route.REGISTRATION_OVERRIDE_CODES;
                    resourceId = second;
                }
            } else if (first.equals("physical-devices")) {
                if (n == 1) {
                    route = FakeCloudflare.Route.PHYSICAL_DEVICES_LIST;
                } else if (n == 2 && !second.isEmpty()) {
                    route = FakeCloudflare.Route.PHYSICAL_DEVICE_GET;
                    resourceId = second;
                }
            } else if (n == 1 && first.equals("revoke")) {
                route = FakeCloudflare.Route.LEGACY_REVOKE;
            } else if (n == 1 && first.equals("unrevoke")) {
                route = FakeCloudflare.Route.LEGACY_UNREVOKE;
            } else if (!first.isEmpty() && !LIVE_SUBRESOURCES.contains(first)) {
                if (n == 1) {
                    route = FakeCloudflare.Route.LEGACY_DEVICE_GET;
                    resourceId = first;
                } else if (n == 2 && second.equals("override_codes")) {
                    route = FakeCloudflare.Route.LEGACY_OVERRIDE_CODES;
                    resourceId = first;
                }
            }
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

        /** A success envelope with this result and, for a list, its {@code result_info}. */
        static Answer success(Object result, Map<String, Object> resultInfo) {
            return new Answer(200, envelope(true, List.of(), result, resultInfo), Map.of(), Duration.ZERO, false);
        }

        static Answer error(int status, int code, String message) {
            return new Answer(
                    status, envelope(false, List.of(info(code, message)), null, null), Map.of(), Duration.ZERO, false);
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
                                    null,
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

        private static String envelope(
                boolean success, List<Map<String, Object>> errors, Object result, Map<String, Object> resultInfo) {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("errors", errors);
            envelope.put("messages", List.of());
            envelope.put("result", result);
            envelope.put("success", success);
            if (resultInfo != null) {
                envelope.put("result_info", resultInfo);
            }
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
