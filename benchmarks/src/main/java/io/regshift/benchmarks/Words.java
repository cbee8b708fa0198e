package io.regshift.benchmarks;

import java.util.Random;

/**
 * The vocabulary of generated text. No word here contains {@code evoke}, the scanner's
 * prefilter needle, so only the planted lines make the scanner look closer: the corpus controls
 * how often the slow path runs.
 */
final class Words {
    static final String[] NOUNS = {
        "account",
        "device",
        "session",
        "user",
        "policy",
        "token",
        "tenant",
        "order",
        "invoice",
        "report",
        "cache",
        "queue",
        "event",
        "metric",
        "rule",
        "zone",
        "record",
        "gateway",
        "tunnel",
        "certificate",
        "profile",
        "group",
        "role",
        "team",
        "member",
        "billing",
        "audit",
        "webhook",
        "job",
        "worker",
        "config",
        "setting",
        "route",
        "request",
        "response",
        "payload",
        "message",
        "channel",
        "stream",
        "batch",
        "snapshot",
        "backup",
        "schedule",
        "region",
        "cluster",
        "node",
        "pipeline",
        "artifact",
        "release",
        "build",
        "license",
        "quota",
        "limit",
        "alert",
        "incident",
        "ticket",
        "customer",
        "vendor",
        "product",
        "catalog",
        "price",
        "discount",
        "cart",
        "payment",
        "refund",
        "shipment",
        "address",
        "location",
        "inventory",
        "warehouse",
        "employee",
        "identity",
        "credential",
        "secret",
        "key",
        "signature",
        "hash",
        "filter",
        "index",
        "page",
        "cursor",
        "result",
        "error",
        "status",
        "state",
        "handler",
        "client",
        "server",
        "service",
        "store",
        "registry",
        "manifest",
        "template",
        "document",
        "attachment",
        "comment",
        "thread",
        "post"
    };

    static final String[] VERBS = {
        "get",
        "list",
        "create",
        "update",
        "delete",
        "fetch",
        "sync",
        "load",
        "save",
        "parse",
        "build",
        "render",
        "validate",
        "resolve",
        "handle",
        "apply",
        "compute",
        "merge",
        "filter",
        "map",
        "reduce",
        "collect",
        "emit",
        "publish",
        "subscribe",
        "register",
        "refresh",
        "rotate",
        "encode",
        "decode",
        "serialize",
        "normalize",
        "format",
        "check",
        "ensure",
        "find",
        "lookup",
        "prepare",
        "process",
        "schedule",
        "retry",
        "flush",
        "close",
        "open",
        "start",
        "stop",
        "reset",
        "archive",
        "restore",
        "import",
        "export",
        "upload",
        "download",
        "notify",
        "track",
        "record"
    };

    static final String[] ADJECTIVES = {
        "active",
        "pending",
        "default",
        "current",
        "remote",
        "local",
        "cached",
        "primary",
        "secondary",
        "internal",
        "external",
        "public",
        "private",
        "shared",
        "legacy",
        "stale",
        "fresh",
        "partial",
        "complete",
        "empty",
        "raw",
        "parsed",
        "signed",
        "encrypted",
        "enabled",
        "disabled",
        "expired",
        "valid",
        "invalid",
        "next",
        "last",
        "first",
        "batch",
        "single"
    };

    static final String[] PROSE = {
        "the",
        "a",
        "this",
        "that",
        "when",
        "if",
        "then",
        "so",
        "because",
        "each",
        "every",
        "only",
        "we",
        "it",
        "is",
        "are",
        "was",
        "be",
        "not",
        "never",
        "always",
        "before",
        "after",
        "with",
        "without",
        "for",
        "from",
        "into",
        "over",
        "under",
        "until",
        "while",
        "and",
        "or",
        "but",
        "returns",
        "keeps",
        "skips",
        "waits",
        "fails",
        "retries",
        "logs",
        "stores",
        "reads",
        "writes",
        "sends",
        "receives",
        "checks",
        "counts",
        "matches",
        "ignores",
        "expects",
        "caller",
        "value",
        "list",
        "map",
        "entry",
        "field",
        "column",
        "row",
        "table",
        "file",
        "line",
        "window",
        "buffer",
        "limit",
        "timeout",
        "deadline",
        "second",
        "minute",
        "hour",
        "day",
        "upstream",
        "downstream",
        "backend",
        "frontend",
        "migration",
        "rollout",
        "feature",
        "flag"
    };

    static final String[] ROLES = {"store", "service", "client", "handler", "record", "request", "result", "config"};

    static final String[] ACCENTED = {"café", "naïve", "façade", "résumé", "über", "Zürich", "São Paulo", "—", "→", "…"
    };

    private Words() {}

    static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    static String noun(Random r) {
        return pick(r, NOUNS);
    }

    static String verb(Random r) {
        return pick(r, VERBS);
    }

    static String adjective(Random r) {
        return pick(r, ADJECTIVES);
    }

    static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code verbNoun}, as Java, TypeScript and Go name their functions. */
    static String camel(Random r) {
        return verb(r) + capitalised(noun(r)) + (r.nextInt(3) == 0 ? capitalised(noun(r)) : "");
    }

    /** {@code VerbNoun}, as Go exports and as classes are named. */
    static String pascal(Random r) {
        return capitalised(camel(r));
    }

    /** {@code verb_noun}, as Python names its functions. */
    static String snake(Random r) {
        return verb(r) + "_" + noun(r) + (r.nextInt(3) == 0 ? "_" + noun(r) : "");
    }

    /** A class or type name: {@code PendingInvoiceStore}. */
    static String typeName(Random r) {
        return capitalised(adjective(r)) + capitalised(noun(r)) + capitalised(pick(r, ROLES));
    }

    /** A sentence of prose, capitalised, with a full stop; sometimes a word with an accent. */
    static String sentence(Random r, int minWords, int maxWords) {
        int n = minWords + r.nextInt(maxWords - minWords + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            int pick = r.nextInt(40);
            String w = pick < 25
                    ? pick(r, PROSE)
                    : pick < 32 ? noun(r) : pick < 36 ? verb(r) : pick < 39 ? adjective(r) : pick(r, ACCENTED);
            s.append(i == 0 ? capitalised(w) : w);
        }
        return s.append('.').toString();
    }

    static String hex(Random r, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(r.nextInt(16), 16));
        }
        return s.toString();
    }

    static String uuid(Random r) {
        return hex(r, 8) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 12);
    }

    static String fileName(Random r, String separator) {
        return verb(r) + separator + noun(r);
    }
}
