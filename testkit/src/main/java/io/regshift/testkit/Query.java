package io.regshift.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query, form-decoded as servers read it ({@code +} is a space), with nested names
 * in either spelling the SDKs use ({@code device.id} or {@code device[id]}) read as the dotted
 * one. Reading a value that is not what the API documents records the first {@link #problem}.
 */
final class Query {
    /** {@code per_page} when the request names none. */
    static final int DEFAULT_PER_PAGE = 20;

    /** The largest {@code per_page} the fake serves; Cloudflare documents no maximum. */
    static final int MAX_PER_PAGE = 1000;

    private final Map<String, List<String>> values;
    String problem;

    private Query(Map<String, List<String>> values) {
        this.values = values;
    }

    static Query parse(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(dotted(key), k -> new ArrayList<>()).add(value);
            }
        }
        return new Query(values);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** {@code a[b]} and {@code a[b][]} as {@code a.b}; other names as they are. */
    private static String dotted(String key) {
        int open = key.indexOf('[');
        if (open <= 0) {
            return key;
        }
        String k = key.endsWith("[]") ? key.substring(0, key.length() - 2) : key;
        return k.replace("[", ".").replace("]", "");
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    String first(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The name, if the query has the parameter at all. */
    String firstPresent(String name) {
        return values.containsKey(name) ? name : null;
    }

    /** The value if it is one of the allowed ones, else {@code absent} when missing; records a problem otherwise. */
    String oneOf(String name, String absent, List<String> allowed) {
        String value = first(name);
        if (value == null) {
            return absent;
        }
        if (!allowed.contains(value)) {
            fail(name + ": expected one of " + allowed + ", got \"" + value + "\"");
            return absent;
        }
        return value;
    }

    /** An RFC 3339 timestamp, or null when missing; records a problem when it is not one. */
    Instant instant(String name) {
        String value = first(name);
        if (value == null) {
            return null;
        }
        Instant at = Inventory.parseTime(value);
        if (at == null) {
            fail(name + ": expected an RFC 3339 timestamp, got \"" + value + "\"");
        }
        return at;
    }

    /** {@code per_page}: 1 to {@link #MAX_PER_PAGE}, default {@link #DEFAULT_PER_PAGE}. */
    int perPage() {
        String value = first("per_page");
        if (value == null) {
            return DEFAULT_PER_PAGE;
        }
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > MAX_PER_PAGE) {
            fail("per_page: expected a whole number from 1 to " + MAX_PER_PAGE + ", got \"" + value + "\"");
            return DEFAULT_PER_PAGE;
        }
        return n;
    }

    /**
     * Where the page starts, from {@code cursor}: {@code {offset, page number}}; {@code {0, 1}}
     * without a cursor (an empty one included); null for a cursor the fake did not give.
     */
    int[] position() {
        String cursor = first("cursor");
        if (cursor == null || cursor.isEmpty()) {
            return new int[] {0, 1};
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            int offset = Integer.parseInt(parts[0]);
            int page = Integer.parseInt(parts[1]);
            return parts.length == 2 && offset >= 0 && page >= 2 ? new int[] {offset, page} : null;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The opaque cursor of the page that starts at {@code offset}. */
    static String cursor(int offset, int page) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((offset + ":" + page).getBytes(StandardCharsets.UTF_8));
    }

    private void fail(String message) {
        if (problem == null) {
            problem = message;
        }
    }
}
