package io.regshift.testkit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fake's state per account: registrations, physical devices and which registration IDs are
 * revoked since when. Not thread-safe: {@link CloudflareHandler} holds its lock around every use.
 */
final class Inventory {
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    void clear() {
        accounts.clear();
    }

    private Account account(String accountId) {
        return accounts.computeIfAbsent(accountId, a -> new Account());
    }

    Set<String> revokedIds(String accountId) {
        Account account = accounts.get(accountId);
        return account == null ? Set.of() : Set.copyOf(account.revoked.keySet());
    }

    /** Revokes the IDs that are not revoked yet; an ID revoked earlier keeps its time. */
    void revoke(String accountId, List<String> ids, String now) {
        Account account = account(accountId);
        for (String id : ids) {
            account.revoked.putIfAbsent(id, now);
        }
    }

    void unrevoke(String accountId, List<String> ids) {
        Account account = accounts.get(accountId);
        if (account != null) {
            ids.forEach(account.revoked::remove);
        }
    }

    void addRegistrations(String accountId, List<FakeRegistration> registrations) {
        Account account = account(accountId);
        for (FakeRegistration r : registrations) {
            account.registrations.put(r.id(), r.toBuilder().revokedAt(null).build());
            if (r.revokedAt().isPresent()) {
                account.revoked.put(r.id(), r.revokedAt().get());
            } else {
                account.revoked.remove(r.id());
            }
        }
    }

    void addPhysicalDevices(String accountId, List<FakePhysicalDevice> devices) {
        Account account = account(accountId);
        for (FakePhysicalDevice d : devices) {
            account.devices.put(d.id(), d);
        }
    }

    /** The account's registrations in the order given, each with its current {@code revoked_at}. */
    List<FakeRegistration> registrations(String accountId) {
        Account account = accounts.get(accountId);
        List<FakeRegistration> out = new ArrayList<>();
        if (account != null) {
            for (FakeRegistration r : account.registrations.values()) {
                out.add(account.withRevocation(r));
            }
        }
        return out;
    }

    FakeRegistration registration(String accountId, String id) {
        Account account = accounts.get(accountId);
        FakeRegistration r = account == null ? null : account.registrations.get(id);
        return r == null ? null : account.withRevocation(r);
    }

    List<FakePhysicalDevice> physicalDevices(String accountId) {
        Account account = accounts.get(accountId);
        return account == null ? List.of() : List.copyOf(account.devices.values());
    }

    FakePhysicalDevice physicalDevice(String accountId, String id) {
        Account account = accounts.get(accountId);
        return account == null ? null : account.devices.get(id);
    }

    /** Registrations on the device that are neither revoked nor deleted, as Cloudflare counts them. */
    int activeRegistrations(String accountId, String deviceId) {
        return activeRegistrationsByDevice(accountId).getOrDefault(deviceId, 0);
    }

    /** The active registrations of every device, counted in one pass for a whole list. */
    private Map<String, Integer> activeRegistrationsByDevice(String accountId) {
        Map<String, Integer> counts = new HashMap<>();
        Account account = accounts.get(accountId);
        if (account != null) {
            for (FakeRegistration r : account.registrations.values()) {
                if (r.deletedAt().isEmpty() && !account.revoked.containsKey(r.id())) {
                    counts.merge(r.deviceId(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    static boolean isActive(FakeRegistration r) {
        return r.revokedAt().isEmpty() && r.deletedAt().isEmpty();
    }

    /**
     * The old device object for a registration, built per the mapping from registration and
     * physical device: null values and, without a physical device, its fields are left out.
     */
    Map<String, Object> legacyDevice(String accountId, FakeRegistration r) {
        FakePhysicalDevice d = physicalDevice(accountId, r.deviceId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("created", r.createdAt());
        json.put("updated", r.updatedAt());
        json.put("last_seen", r.lastSeenAt());
        json.put("deleted", r.deletedAt().isPresent());
        json.put("revoked_at", r.revokedAt().orElse(null));
        json.put("key", r.key());
        json.put("name", r.deviceName());
        if (d != null) {
            json.put("device_type", d.deviceType().orElse(null));
            json.put("ip", d.publicIp().orElse(null));
            json.put("mac_address", d.macAddress().orElse(null));
            json.put("manufacturer", d.manufacturer().orElse(null));
            json.put("model", d.model().orElse(null));
            json.put("os_version", d.osVersion().orElse(null));
            json.put("os_version_extra", d.osVersionExtra().orElse(null));
            json.put("serial_number", d.serialNumber().orElse(null));
        }
        json.put("version", r.clientVersion().orElse(null));
        json.put("user", r.user().map(FakeRegistration.User::toJson).orElse(null));
        json.values().removeIf(v -> v == null);
        return json;
    }

    /**
     * The old override codes: the same codes keyed by hours, as the old schema documents
     * ({@code "1"}, {@code "3"}, ...), from keys in seconds that are whole hours; others are left out.
     */
    static Map<String, Object> legacyOverrideCodes(FakeRegistration r) {
        Map<String, Object> byHours = new LinkedHashMap<>();
        for (Map.Entry<String, String> code : r.overrideCodes().entrySet()) {
            try {
                long seconds = Long.parseLong(code.getKey());
                if (seconds > 0 && seconds % 3600 == 0) {
                    byHours.put(Long.toString(seconds / 3600), code.getValue());
                }
            } catch (NumberFormatException notSeconds) {
                // not a duration in seconds: nothing the old endpoint could have shown
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("disable_for_time", byHours);
        return result;
    }

    /** What a list request selected and in which order, before paging; or why it is refused. */
    static final class Selection {
        final List<Map<String, Object>> rows;
        final String problem;

        private Selection(List<Map<String, Object>> rows, String problem) {
            this.rows = rows;
            this.problem = problem;
        }

        static Selection refused(String problem) {
            return new Selection(List.of(), problem);
        }
    }

    /** {@code GET .../devices/registrations} with the documented filters and sorting. */
    Selection listRegistrations(String accountId, Query query) {
        String unsupported = query.firstPresent("search");
        if (unsupported != null) {
            return Selection.refused(unsupported + ": not supported by FakeCloudflare");
        }
        String status = query.oneOf("status", "active", List.of("active", "all", "revoked"));
        String include = query.oneOf("include", "", List.of("", "policy"));
        String sortBy =
                query.oneOf("sort_by", "", List.of("", "id", "user.name", "user.email", "last_seen_at", "created_at"));
        String sortOrder = query.oneOf("sort_order", "asc", List.of("asc", "desc"));
        Instant seenAfter = query.instant("seen_after");
        Instant seenBefore = query.instant("seen_before");
        if (query.problem != null) {
            return Selection.refused(query.problem);
        }
        Set<String> ids = new LinkedHashSet<>(query.all("id"));
        String deviceId = query.first("device.id");
        Set<String> userIds = new LinkedHashSet<>(query.all("user.id"));

        List<FakeRegistration> selected = new ArrayList<>();
        for (FakeRegistration r : registrations(accountId)) {
            boolean statusMatches = status.equals("all")
                    || (status.equals("active") && isActive(r))
                    || (status.equals("revoked") && r.revokedAt().isPresent());
            if (statusMatches
                    && (ids.isEmpty() || ids.contains(r.id()))
                    && (deviceId == null || deviceId.equals(r.deviceId()))
                    && (userIds.isEmpty()
                            || r.user()
                                    .flatMap(FakeRegistration.User::id)
                                    .filter(userIds::contains)
                                    .isPresent())
                    && seen(r.lastSeenAt(), seenAfter, seenBefore)) {
                selected.add(r);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FakeRegistration r : selected) {
            rows.add(r.toJson(include.equals("policy")));
        }
        return new Selection(sorted(rows, sortBy, sortOrder), null);
    }

    /** {@code GET .../devices/physical-devices} with the documented filters and sorting. */
    Selection listPhysicalDevices(String accountId, Query query) {
        String unsupported = query.firstPresent("search");
        if (unsupported != null) {
            return Selection.refused(unsupported + ": not supported by FakeCloudflare");
        }
        String active = query.oneOf("active_registrations", "only", List.of("only", "include", "exclude"));
        String include = query.oneOf("include", "", List.of("", "last_seen_registration.policy"));
        String sortBy = query.oneOf(
                "sort_by",
                "",
                List.of(
                        "",
                        "name",
                        "id",
                        "client_version",
                        "last_seen_user.email",
                        "last_seen_at",
                        "active_registrations",
                        "created_at"));
        String sortOrder = query.oneOf("sort_order", "asc", List.of("asc", "desc"));
        Instant seenAfter = query.instant("seen_after");
        Instant seenBefore = query.instant("seen_before");
        if (query.problem != null) {
            return Selection.refused(query.problem);
        }
        Set<String> ids = new LinkedHashSet<>(query.all("id"));
        String userEmail = query.first("last_seen_user.email");

        Map<String, Integer> activeByDevice = activeRegistrationsByDevice(accountId);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FakePhysicalDevice d : physicalDevices(accountId)) {
            int activeCount = activeByDevice.getOrDefault(d.id(), 0);
            Map<String, Object> json = d.toJson(activeCount, !include.isEmpty());
            Predicate<Integer> activeMatches =
                    active.equals("only") ? n -> n > 0 : active.equals("exclude") ? n -> n == 0 : n -> true;
            if (activeMatches.test(activeCount)
                    && (ids.isEmpty() || ids.contains(d.id()))
                    && (userEmail == null || userEmail.equals(lookup(json, "last_seen_user.email")))
                    && d.lastSeenAt()
                            .map(t -> seen(t, seenAfter, seenBefore))
                            .orElse(seenAfter == null && seenBefore == null)) {
                rows.add(json);
            }
        }
        return new Selection(sorted(rows, sortBy, sortOrder), null);
    }

    private static boolean seen(String lastSeen, Instant after, Instant before) {
        if (after == null && before == null) {
            return true;
        }
        Instant at = parseTime(lastSeen);
        return at != null && (after == null || at.isAfter(after)) && (before == null || at.isBefore(before));
    }

    static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Sorted by a dotted field path; nulls last in either direction; the given order when no field. */
    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows, String field, String order) {
        if (field.isEmpty()) {
            return rows;
        }
        Comparator<Object> values = (a, b) -> {
            if (a instanceof Number && b instanceof Number) {
                return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            }
            if (field.endsWith("_at")) {
                Instant ia = parseTime(a.toString());
                Instant ib = parseTime(b.toString());
                if (ia != null && ib != null) {
                    return ia.compareTo(ib);
                }
            }
            return a.toString().compareTo(b.toString());
        };
        Comparator<Object> directed = order.equals("desc") ? values.reversed() : values;
        List<Map<String, Object>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(row -> lookup(row, field), Comparator.nullsLast(directed)));
        return out;
    }

    private static Object lookup(Map<String, Object> row, String path) {
        Object value = row;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map)) {
                return null;
            }
            value = ((Map<?, ?>) value).get(part);
        }
        return value;
    }

    private static final class Account {
        final Map<String, FakeRegistration> registrations = new LinkedHashMap<>();
        final Map<String, FakePhysicalDevice> devices = new LinkedHashMap<>();
        final Map<String, String> revoked = new LinkedHashMap<>();

        FakeRegistration withRevocation(FakeRegistration r) {
            return r.toBuilder().revokedAt(revoked.get(r.id())).build();
        }
    }
}
