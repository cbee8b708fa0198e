package io.regshift.scan.engine;

import java.util.List;
import java.util.stream.Stream;

/**
 * What in a text shows that it talks to Cloudflare's API: its host, an import of a Cloudflare SDK,
 * the {@code CLOUDFLARE_*} variables its SDKs and tools read. A path that starts its string ({@code
 * BASE + "/devices/revoke"}) is Cloudflare's when its file has one of these.
 */
final class CloudflareContext {
    /** On the path's own line: a URL of Cloudflare's API. */
    private static final List<Literal> HOST =
            Stream.of("api.cloudflare.com", "/client/v4").map(Literal::new).toList();

    /** Anywhere in the file. */
    private static final List<Literal> FILE = Stream.of(
                    "api.cloudflare.com",
                    "/client/v4",
                    "CLOUDFLARE_",
                    "github.com/cloudflare/cloudflare-go",
                    "AccountRouteRoot",
                    "from cloudflare import",
                    "import cloudflare",
                    "import CloudFlare",
                    "from 'cloudflare'",
                    "from \"cloudflare\"",
                    "require('cloudflare')",
                    "require(\"cloudflare\")")
            .map(Literal::new)
            .toList();

    private CloudflareContext() {}

    /** Whether {@code bytes[from, to)} names Cloudflare's API host. */
    static boolean hostIn(byte[] bytes, int from, int to) {
        return anyIn(HOST, bytes, from, to);
    }

    /** Whether {@code bytes[from, to)} shows that its file talks to Cloudflare's API. */
    static boolean fileContextIn(byte[] bytes, int from, int to) {
        return anyIn(FILE, bytes, from, to);
    }

    private static boolean anyIn(List<Literal> literals, byte[] bytes, int from, int to) {
        for (Literal literal : literals) {
            if (literal.indexOf(bytes, from, to) >= 0) {
                return true;
            }
        }
        return false;
    }
}
