package io.regshift.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Renders a planned {@link CorpusFile}: plausible code, config or prose in its language, with
 * its true uses and near misses at random places. Rendering depends only on the plan, so the same
 * plan gives the same bytes on any machine and in any order.
 *
 * <p>Every true-use template is exactly one finding of {@code regshift scan}, and every near miss
 * none; the tests hold each template to that.
 */
final class SourceText {
    private SourceText() {}

    static byte[] render(CorpusFile file) {
        Random r = new Random(file.seed());
        Emitter e = emitter(file.kind(), r, file.size());
        // Plants go at random fractions of the file, in order.
        double[] at = new double[file.truths() + file.nearMisses()];
        for (int i = 0; i < at.length; i++) {
            at[i] = r.nextDouble();
        }
        Arrays.sort(at);
        // Which of those places get the true uses: the first truths() of a shuffle.
        int[] order = new int[at.length];
        for (int i = 0; i < order.length; i++) {
            int j = r.nextInt(i + 1);
            order[i] = order[j];
            order[j] = i;
        }
        boolean[] truth = new boolean[at.length];
        for (int i = 0; i < file.truths(); i++) {
            truth[order[i]] = true;
        }
        e.header();
        int next = 0;
        while (e.out.length() < file.size() || next < at.length) {
            if (next < at.length && e.out.length() >= at[next] * file.size()) {
                e.startBlock();
                if (truth[next]) {
                    e.truth(r.nextInt(e.truthTemplates()));
                } else {
                    e.nearMiss(r.nextInt(e.nearMissTemplates()));
                }
                next++;
            } else {
                e.startBlock();
                e.filler();
            }
        }
        e.footer();
        return e.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A file of one kind holding only the given template, with the kind's header and footer. */
    static String sample(Kind kind, boolean truth, int template, long seed) {
        Emitter e = emitter(kind, new Random(seed), 0);
        e.header();
        e.startBlock();
        e.filler();
        e.startBlock();
        if (truth) {
            e.truth(template);
        } else {
            e.nearMiss(template);
        }
        e.startBlock();
        e.filler();
        e.footer();
        return e.out.toString();
    }

    static int templates(Kind kind, boolean truth) {
        Emitter e = emitter(kind, new Random(0), 0);
        return truth ? e.truthTemplates() : e.nearMissTemplates();
    }

    private static Emitter emitter(Kind kind, Random r, int size) {
        StringBuilder out = new StringBuilder(size + 4096);
        return switch (kind) {
            case TYPESCRIPT -> new TypeScript(out, r);
            case PYTHON -> new Python(out, r);
            case GO -> new Go(out, r);
            case JAVA -> new Java(out, r);
            case YAML -> new Yaml(out, r);
            case JSON -> new Json(out, r);
            case MARKDOWN -> new Markdown(out, r);
            case SHELL -> new Shell(out, r);
        };
    }

    /** Phrases with the prefilter's needle in them that are not uses, for any kind of file. */
    private static final String[] NEAR_MISS_PHRASES = {
        "/accounts/{account_id}/devices/registrations/revoke",
        "/accounts/{account_id}/devices/registrations/unrevoke",
        "https://api.example.com/v2/physical-devices/%s/revoke",
        "physical-devices/revoke",
        "/internal/devices/revoked?since=2024-01-01",
        "/oauth2/tokens/revoke",
        "devices/revoke-all is our own route, not Cloudflare's",
        "The token was revoked by the identity provider.",
        "Certificates that were revoked stay in the CRL until they expire.",
        "Names like these evoke the old API, nothing more.",
        "The revoker job runs nightly and never calls the device API.",
        "Use devices/registrations/unrevoke with ?id= query parameters.",
    };

    private static String verb(Random r) {
        return r.nextBoolean() ? "revoke" : "unrevoke";
    }

    private abstract static class Emitter {
        final StringBuilder out;
        final Random r;

        Emitter(StringBuilder out, Random r) {
            this.out = out;
            this.r = r;
        }

        abstract void header();

        abstract void filler();

        abstract int truthTemplates();

        abstract void truth(int template);

        /** Kind-specific near misses first, then the shared phrases. */
        abstract int ownNearMisses();

        abstract void ownNearMiss(int template);

        abstract void phrase(String phrase);

        void footer() {}

        /** Called before each block: a separator, for formats that need one. */
        void startBlock() {}

        final int nearMissTemplates() {
            return ownNearMisses() + NEAR_MISS_PHRASES.length;
        }

        final void nearMiss(int template) {
            if (template < ownNearMisses()) {
                ownNearMiss(template);
            } else {
                phrase(NEAR_MISS_PHRASES[template - ownNearMisses()]);
            }
        }

        final Emitter line(int indent, String text) {
            for (int i = 0; i < indent; i++) {
                out.append(indentUnit());
            }
            out.append(text).append('\n');
            return this;
        }

        String indentUnit() {
            return "  ";
        }

        final int n(int max) {
            return r.nextInt(max);
        }

        final int between(int min, int max) {
            return min + r.nextInt(max - min + 1);
        }

        final String noun() {
            return Words.noun(r);
        }

        final String camel() {
            return Words.camel(r);
        }

        final String sentence() {
            return Words.sentence(r, 5, 16);
        }
    }

    private static final class TypeScript extends Emitter {
        TypeScript(StringBuilder out, Random r) {
            super(out, r);
        }

        @Override
        void header() {
            line(0, "// " + sentence());
            line(0, "import Cloudflare from \"cloudflare\";");
            for (int i = between(2, 8); i > 0; i--) {
                line(
                        0,
                        "import { " + Words.typeName(r) + ", " + camel() + " } from \"../" + noun() + "/" + noun()
                                + "\";");
            }
            line(0, "");
            line(
                    0,
                    "const API_BASE = process.env.API_BASE ?? \"https://api." + noun() + ".example.com/v"
                            + between(1, 3) + "\";");
            line(0, "");
        }

        @Override
        void filler() {
            switch (n(5)) {
                case 0 -> {
                    line(0, "export interface " + Words.typeName(r) + " {");
                    for (int i = between(2, 9); i > 0; i--) {
                        line(
                                1,
                                noun() + (r.nextBoolean() ? "?" : "") + ": "
                                        + Words.pick(r, new String[] {
                                            "string",
                                            "number",
                                            "boolean",
                                            "string[]",
                                            Words.typeName(r),
                                            "Record<string, unknown>"
                                        })
                                        + ";");
                    }
                    line(0, "}");
                }
                case 1 -> {
                    line(0, "export class " + Words.typeName(r) + " {");
                    line(1, "private readonly " + noun() + "s = new Map<string, " + Words.typeName(r) + ">();");
                    line(0, "");
                    for (int i = between(1, 4); i > 0; i--) {
                        method(1);
                        line(0, "");
                    }
                    line(0, "}");
                }
                default -> method(0);
            }
            line(0, "");
        }

        private void method(int indent) {
            line(indent, "/**");
            line(indent, " * " + sentence());
            line(indent, " */");
            String arg = noun();
            line(
                    indent,
                    (indent == 0 ? "export async function " : "async ") + camel() + "(" + arg + ": " + Words.typeName(r)
                            + ", limit = " + between(10, 500) + "): Promise<" + Words.typeName(r) + "[]> {");
            statements(indent + 1, between(3, 14), arg);
            line(indent, "}");
        }

        private void statements(int indent, int count, String arg) {
            for (int i = 0; i < count; i++) {
                String v = noun() + Words.capitalised(noun());
                switch (n(7)) {
                    case 0 ->
                        line(indent, "const " + v + " = await " + camel() + "(" + arg + "." + noun() + ", { limit });");
                    case 1 -> {
                        line(indent, "if (!" + arg + "." + noun() + ") {");
                        line(indent + 1, "throw new Error(`" + sentence() + " (${" + arg + ".id})`);");
                        line(indent, "}");
                    }
                    case 2 -> {
                        line(indent, "for (const item of " + arg + "." + noun() + "s ?? []) {");
                        line(
                                indent + 1,
                                "results.push({ id: item.id, " + noun() + ": item." + noun() + " ?? " + between(0, 99)
                                        + " });");
                        line(indent, "}");
                    }
                    case 3 ->
                        line(
                                indent,
                                "logger.debug(\"" + sentence() + "\", { " + noun() + ": " + arg + "." + noun()
                                        + " });");
                    case 4 -> {
                        line(
                                indent,
                                "const res = await fetch(`${API_BASE}/" + noun() + "s/${" + arg + ".id}/" + noun()
                                        + "`, {");
                        line(
                                indent + 1,
                                "method: \"" + Words.pick(r, new String[] {"GET", "POST", "PUT", "DELETE"}) + "\",");
                        line(indent + 1, "headers: { \"Content-Type\": \"application/json\" },");
                        line(indent, "});");
                    }
                    case 5 -> line(indent, "// " + sentence());
                    default ->
                        line(
                                indent,
                                "const " + v + " = " + arg + "." + noun() + "s.filter((x) => x." + Words.adjective(r)
                                        + ").map((x) => x.id);");
                }
            }
            line(indent, "return results;");
        }

        @Override
        int truthTemplates() {
            return 4;
        }

        @Override
        void truth(int template) {
            String verb = verb(r);
            String name = verb + Words.capitalised(Words.adjective(r)) + "Devices";
            switch (template) {
                case 0 -> {
                    line(
                            0,
                            "export async function " + name
                                    + "(client: Cloudflare, accountId: string, ids: string[]): Promise<void> {");
                    line(
                            1,
                            "await client.zeroTrust.devices." + verb
                                    + ".create({ account_id: accountId, body: ids });");
                    line(0, "}");
                }
                case 1 -> {
                    line(
                            0,
                            "export async function " + name
                                    + "(client: Cloudflare, accountId: string, ids: string[]) {");
                    line(1, "const response = await client.zeroTrust");
                    line(2, ".devices." + verb + ".create({ account_id: accountId, body: ids });");
                    line(1, "return response;");
                    line(0, "}");
                }
                case 2 -> {
                    line(
                            0,
                            "export function " + name
                                    + "(accountId: string, ids: string[], token: string): Promise<Response> {");
                    line(1, "return fetch(`${API_BASE}/accounts/${accountId}/devices/" + verb + "`, {");
                    line(2, "method: \"POST\",");
                    line(2, "headers: { Authorization: `Bearer ${token}` },");
                    line(2, "body: JSON.stringify(ids),");
                    line(1, "});");
                    line(0, "}");
                }
                default -> {
                    line(0, "export const " + name + " = (cf?: Cloudflare, accountId = \"\", ids: string[] = []) =>");
                    line(1, "cf?.zeroTrust?.devices?." + verb + "?.create({ account_id: accountId, body: ids });");
                }
            }
            line(0, "");
        }

        @Override
        int ownNearMisses() {
            return 2;
        }

        @Override
        void ownNearMiss(int template) {
            if (template == 0) {
                line(
                        0,
                        "export async function migrated" + Words.capitalised(noun())
                                + "(client: Cloudflare, accountId: string, ids: string[]) {");
                line(
                        1,
                        "await client.zeroTrust.devices.registrations." + verb(r)
                                + "({ account_id: accountId, id: ids });");
                line(0, "}");
            } else {
                line(0, "await client.accessTokens.revoke.create(tokenId);");
            }
            line(0, "");
        }

        @Override
        void phrase(String phrase) {
            if (r.nextBoolean()) {
                line(0, "// " + phrase);
            } else {
                line(0, "const " + noun() + "Note = \"" + phrase + "\";");
            }
            line(0, "");
        }
    }

    private static final class Python extends Emitter {
        Python(StringBuilder out, Random r) {
            super(out, r);
        }

        @Override
        String indentUnit() {
            return "    ";
        }

        @Override
        void header() {
            line(0, "\"\"\"" + sentence() + "\"\"\"");
            line(0, "from __future__ import annotations");
            line(0, "");
            line(0, "import logging");
            for (int i = between(1, 6); i > 0; i--) {
                line(0, "from " + noun() + "." + noun() + " import " + Words.typeName(r) + ", " + Words.snake(r));
            }
            line(0, "");
            line(0, "log = logging.getLogger(__name__)");
            line(0, "API_BASE = \"https://api." + noun() + ".example.com/v" + between(1, 3) + "\"");
            line(0, "");
            line(0, "");
        }

        @Override
        void filler() {
            if (n(3) == 0) {
                line(0, "class " + Words.typeName(r) + ":");
                line(1, "\"\"\"" + sentence() + "\"\"\"");
                line(0, "");
                line(1, "def __init__(self, " + noun() + ": str, limit: int = " + between(1, 100) + ") -> None:");
                line(2, "self." + noun() + " = " + noun());
                line(2, "self.limit = limit");
                for (int i = between(1, 4); i > 0; i--) {
                    line(0, "");
                    function(1, true);
                }
            } else {
                function(0, false);
            }
            line(0, "");
            line(0, "");
        }

        private void function(int indent, boolean method) {
            String arg = noun();
            line(
                    indent,
                    "def " + Words.snake(r) + "(" + (method ? "self, " : "") + arg + ": " + Words.typeName(r)
                            + ", limit: int = " + between(10, 500) + ") -> list[dict]:");
            line(indent + 1, "\"\"\"" + sentence());
            line(0, "");
            line(indent + 1, sentence() + "\"\"\"");
            line(indent + 1, "results = []");
            for (int i = between(3, 12); i > 0; i--) {
                switch (n(6)) {
                    case 0 ->
                        line(
                                indent + 1,
                                noun() + "_" + noun() + " = " + Words.snake(r) + "(" + arg + "." + noun()
                                        + ", limit=limit)");
                    case 1 -> {
                        line(indent + 1, "if not " + arg + "." + noun() + ":");
                        line(indent + 2, "raise ValueError(f\"" + sentence() + " {" + arg + ".id!r}\")");
                    }
                    case 2 -> {
                        line(indent + 1, "for item in " + arg + "." + noun() + "s:");
                        line(
                                indent + 2,
                                "results.append({\"id\": item.id, \"" + noun() + "\": item." + noun() + " or "
                                        + between(0, 99) + "})");
                    }
                    case 3 -> line(indent + 1, "log.debug(\"" + sentence() + " %s\", " + arg + "." + noun() + ")");
                    case 4 -> line(indent + 1, "# " + sentence());
                    default ->
                        line(
                                indent + 1,
                                noun() + "s = [x.id for x in " + arg + "." + noun() + "s if x." + Words.adjective(r)
                                        + "]");
                }
            }
            line(indent + 1, "return results");
        }

        @Override
        int truthTemplates() {
            return 3;
        }

        @Override
        void truth(int template) {
            String verb = verb(r);
            String name = verb + "_" + Words.adjective(r) + "_devices";
            switch (template) {
                case 0 -> {
                    line(0, "def " + name + "(client: Cloudflare, account_id: str, ids: list[str]) -> None:");
                    line(1, "client.zero_trust.devices." + verb + ".create(account_id=account_id, body=ids)");
                }
                case 1 -> {
                    line(0, "async def " + name + "(client: AsyncCloudflare, account_id: str, ids: list[str]):");
                    line(
                            1,
                            "response = await client.zero_trust.devices." + verb
                                    + ".with_raw_response.create(account_id=account_id, body=ids)");
                    line(1, "return response.http_request");
                }
                default -> {
                    line(0, "def " + name + "(session, account_id, ids):");
                    line(1, "url = f\"{CLOUDFLARE_API}/accounts/{account_id}/devices/" + verb + "\"");
                    line(1, "return session.post(url, json=ids, timeout=30)");
                }
            }
            line(0, "");
            line(0, "");
        }

        @Override
        int ownNearMisses() {
            return 2;
        }

        @Override
        void ownNearMiss(int template) {
            if (template == 0) {
                line(0, "def migrated_" + noun() + "(client, account_id, ids):");
                line(1, "client.zero_trust.devices.registrations." + verb(r) + "(account_id=account_id, id=ids)");
            } else {
                line(0, "def drop_" + noun() + "(oauth, token):");
                line(1, "oauth.revoke_token(token)");
            }
            line(0, "");
            line(0, "");
        }

        @Override
        void phrase(String phrase) {
            if (r.nextBoolean()) {
                line(0, "# " + phrase);
            } else {
                line(0, noun().toUpperCase() + "_NOTE = \"" + phrase + "\"");
            }
            line(0, "");
        }
    }

    private static final class Go extends Emitter {
        Go(StringBuilder out, Random r) {
            super(out, r);
        }

        @Override
        String indentUnit() {
            return "\t";
        }

        @Override
        void header() {
            line(0, "// Package " + noun() + " " + Words.sentence(r, 4, 10).toLowerCase());
            line(0, "package " + noun());
            line(0, "");
            line(0, "import (");
            line(1, "\"context\"");
            line(1, "\"fmt\"");
            for (int i = between(1, 5); i > 0; i--) {
                line(1, "\"github.com/acme/" + noun() + "/internal/" + noun() + "\"");
            }
            line(0, ")");
            line(0, "");
        }

        @Override
        void filler() {
            if (n(4) == 0) {
                line(0, "// " + Words.pascal(r) + " " + sentence().toLowerCase());
                line(0, "type " + Words.typeName(r) + " struct {");
                for (int i = between(2, 8); i > 0; i--) {
                    String field = Words.capitalised(noun());
                    line(
                            1,
                            field + " "
                                    + Words.pick(r, new String[] {
                                        "string", "int64", "bool", "[]string", "*" + Words.typeName(r), "time.Time"
                                    })
                                    + " `json:\"" + field.toLowerCase() + ",omitempty\"`");
                }
                line(0, "}");
            } else {
                String arg = noun();
                line(0, "// " + Words.pascal(r) + " " + sentence().toLowerCase());
                line(
                        0,
                        "func " + Words.pascal(r) + "(ctx context.Context, " + arg + " *" + Words.typeName(r)
                                + ", limit int) ([]" + Words.typeName(r) + ", error) {");
                line(1, "var results []" + Words.typeName(r));
                for (int i = between(3, 12); i > 0; i--) {
                    switch (n(5)) {
                        case 0 -> {
                            String v = noun();
                            line(
                                    1,
                                    v + ", err := " + noun() + "." + Words.pascal(r) + "(ctx, " + arg + "."
                                            + Words.capitalised(noun()) + ")");
                            line(1, "if err != nil {");
                            line(2, "return nil, fmt.Errorf(\"" + Words.verb(r) + " " + noun() + ": %w\", err)");
                            line(1, "}");
                            line(1, "_ = " + v);
                        }
                        case 1 -> {
                            line(1, "for _, item := range " + arg + "." + Words.capitalised(noun()) + "s {");
                            line(2, "results = append(results, item)");
                            line(1, "}");
                        }
                        case 2 -> line(1, "// " + sentence());
                        case 3 -> {
                            line(1, "if len(results) > limit {");
                            line(2, "results = results[:limit]");
                            line(1, "}");
                        }
                        default ->
                            line(
                                    1,
                                    "log.Printf(\"" + Words.sentence(r, 3, 8) + " %v\", " + arg + "."
                                            + Words.capitalised(noun()) + ")");
                    }
                }
                line(1, "return results, nil");
                line(0, "}");
            }
            line(0, "");
        }

        @Override
        int truthTemplates() {
            return 3;
        }

        @Override
        void truth(int template) {
            String verb = verb(r);
            String cap = Words.capitalised(verb);
            line(0, "// " + cap + Words.capitalised(Words.adjective(r)) + " posts the IDs to Cloudflare.");
            line(
                    0,
                    "func " + cap + Words.capitalised(Words.adjective(r))
                            + "(ctx context.Context, client *cloudflare.Client, accountID string, ids []string) error {");
            switch (template) {
                case 0 ->
                    line(
                            1,
                            "_, err := client.ZeroTrust.Devices." + cap + ".New(ctx, zero_trust.Device" + cap
                                    + "NewParams{AccountID: cloudflare.F(accountID), Body: ids})");
                case 1 -> {
                    line(1, "_, err := client.ZeroTrust.Devices." + cap + ".New(");
                    line(2, "ctx,");
                    line(2, "zero_trust.Device" + cap + "NewParams{AccountID: cloudflare.F(accountID), Body: ids},");
                    line(1, ")");
                }
                default -> {
                    line(1, "url := fmt.Sprintf(\"%s/accounts/%s/devices/" + verb + "\", apiBase, accountID)");
                    line(1, "_, err := post(ctx, url, ids)");
                }
            }
            line(1, "return err");
            line(0, "}");
            line(0, "");
        }

        @Override
        int ownNearMisses() {
            return 2;
        }

        @Override
        void ownNearMiss(int template) {
            if (template == 0) {
                String cap = Words.capitalised(verb(r));
                line(
                        0,
                        "func Migrated" + Words.capitalised(noun())
                                + "(ctx context.Context, client *cloudflare.Client, accountID string, ids []string) error {");
                line(
                        1,
                        "_, err := client.ZeroTrust.Devices.Registrations." + cap
                                + "(ctx, zero_trust.DeviceRegistration" + cap
                                + "Params{AccountID: cloudflare.F(accountID), ID: cloudflare.F(ids)})");
                line(1, "return err");
                line(0, "}");
            } else {
                line(0, "type legacyDeviceRevokeNewParamsV2 struct{ IDs []string }");
            }
            line(0, "");
        }

        @Override
        void phrase(String phrase) {
            if (r.nextBoolean()) {
                line(0, "// " + phrase);
            } else {
                line(0, "const " + noun() + "Note = \"" + phrase + "\"");
            }
            line(0, "");
        }
    }

    private static final class Java extends Emitter {
        Java(StringBuilder out, Random r) {
            super(out, r);
        }

        @Override
        void header() {
            line(0, "package com.acme." + noun() + "." + noun() + ";");
            line(0, "");
            for (int i = between(2, 8); i > 0; i--) {
                line(0, "import com.acme." + noun() + "." + Words.typeName(r) + ";");
            }
            line(0, "import java.util.List;");
            line(0, "");
            line(0, "/** " + sentence() + " */");
            line(0, "public final class " + Words.typeName(r) + " {");
            line(1, "private static final int LIMIT = " + between(10, 1000) + ";");
            line(0, "");
        }

        @Override
        void footer() {
            line(0, "}");
        }

        @Override
        void filler() {
            String arg = noun();
            line(1, "/**");
            line(1, " * " + sentence());
            line(1, " */");
            line(
                    1,
                    Words.pick(r, new String[] {"public ", "", "private ", "protected "}) + "List<" + Words.typeName(r)
                            + "> " + camel() + "(" + Words.typeName(r) + " " + arg + ") {");
            line(2, "List<" + Words.typeName(r) + "> results = new ArrayList<>();");
            for (int i = between(3, 12); i > 0; i--) {
                switch (n(5)) {
                    case 0 ->
                        line(
                                2,
                                "var " + noun() + " = " + noun() + "s." + camel() + "(" + arg + ".get"
                                        + Words.capitalised(noun()) + "());");
                    case 1 -> {
                        line(2, "if (" + arg + ".get" + Words.capitalised(noun()) + "() == null) {");
                        line(3, "throw new IllegalStateException(\"" + sentence() + " \" + " + arg + ".getId());");
                        line(2, "}");
                    }
                    case 2 -> {
                        line(2, "for (var item : " + arg + ".get" + Words.capitalised(noun()) + "s()) {");
                        line(3, "results.add(item.with" + Words.capitalised(noun()) + "(LIMIT));");
                        line(2, "}");
                    }
                    case 3 -> line(2, "// " + sentence());
                    default ->
                        line(
                                2,
                                "log.debug(\"" + Words.sentence(r, 3, 9) + " {}\", " + arg + ".get"
                                        + Words.capitalised(noun()) + "());");
                }
            }
            line(2, "return results;");
            line(1, "}");
            line(0, "");
        }

        @Override
        int truthTemplates() {
            return 3;
        }

        @Override
        void truth(int template) {
            String verb = verb(r);
            switch (template) {
                case 0 -> {
                    line(1, "public void " + verb + Words.capitalised(Words.adjective(r)) + "(List<String> ids) {");
                    line(2, "var params = builder(accountId).body(ids).build();");
                    line(2, "client.zeroTrust().devices()." + verb + "().create(params);");
                    line(1, "}");
                }
                case 1 -> {
                    line(1, "interface Legacy" + Words.capitalised(noun()) + "Api {");
                    line(2, "@POST(\"accounts/{account_id}/devices/" + verb + "\")");
                    line(
                            2,
                            "Call<ResponseBody> " + verb
                                    + "(@Path(\"account_id\") String accountId, @Body List<String> ids);");
                    line(1, "}");
                }
                default ->
                    line(
                            1,
                            "private static final String " + verb.toUpperCase() + "_" + noun().toUpperCase()
                                    + "_PATH = \"/accounts/%s/devices/" + verb + "\";");
            }
            line(0, "");
        }

        @Override
        int ownNearMisses() {
            return 2;
        }

        @Override
        void ownNearMiss(int template) {
            if (template == 0) {
                line(1, "void migrated" + Words.capitalised(noun()) + "(RegistrationParams params) {");
                line(2, "client.zeroTrust().devices().registrations()." + verb(r) + "(params);");
                line(1, "}");
            } else {
                line(1, "void drop" + Words.capitalised(noun()) + "(String userId) {");
                line(2, "tokenService.revokeAll(userId);");
                line(1, "}");
            }
            line(0, "");
        }

        @Override
        void phrase(String phrase) {
            if (r.nextBoolean()) {
                line(1, "// " + phrase);
            } else {
                line(1, "private static final String " + noun().toUpperCase() + "_NOTE = \"" + phrase + "\";");
            }
            line(0, "");
        }
    }

    private static final class Yaml extends Emitter {
        Yaml(StringBuilder out, Random r) {
            super(out, r);
        }

        @Override
        void header() {
            line(0, "# " + sentence());
        }

        @Override
        void filler() {
            switch (n(3)) {
                case 0 -> {
                    line(0, "---");
                    line(0, "apiVersion: apps/v1");
                    line(0, "kind: Deployment");
                    line(0, "metadata:");
                    line(1, "name: " + noun() + "-" + noun());
                    line(1, "labels:");
                    line(2, "app: " + noun());
                    line(0, "spec:");
                    line(1, "replicas: " + between(1, 12));
                    line(1, "template:");
                    line(2, "spec:");
                    line(3, "containers:");
                    line(4, "- name: " + noun());
                    line(
                            5,
                            "image: registry.example.com/" + noun() + ":" + between(1, 9) + "." + between(0, 30) + "."
                                    + between(0, 9));
                    line(5, "env:");
                    for (int i = between(2, 10); i > 0; i--) {
                        line(6, "- name: " + noun().toUpperCase() + "_" + noun().toUpperCase());
                        line(
                                7,
                                "value: \"" + (r.nextBoolean() ? Words.adjective(r) : String.valueOf(between(1, 65535)))
                                        + "\"");
                    }
                }
                case 1 -> {
                    line(0, noun() + "_" + noun() + ":");
                    for (int i = between(3, 12); i > 0; i--) {
                        line(
                                1,
                                noun() + ": "
                                        + (r.nextBoolean() ? Words.adjective(r) : String.valueOf(between(0, 10000))));
                    }
                    line(1, "# " + sentence());
                }
                default -> {
                    line(0, "jobs_" + noun() + ":");
                    line(1, "runs-on: ubuntu-latest");
                    line(1, "steps:");
                    for (int i = between(2, 6); i > 0; i--) {
                        line(2, "- name: " + Words.capitalised(Words.verb(r)) + " " + noun());
                        line(
                                3,
                                "run: make " + Words.verb(r) + "-" + noun() + " " + noun().toUpperCase() + "="
                                        + between(0, 9));
                    }
                }
            }
        }

        @Override
        int truthTemplates() {
            return 3;
        }

        @Override
        void truth(int template) {
            String verb = verb(r);
            switch (template) {
                case 0 -> {
                    line(0, noun() + "_endpoints:");
                    line(1, "base_url: https://api.cloudflare.com/client/v4");
                    line(1, verb + ": /accounts/{account_id}/devices/" + verb);
                }
                case 1 -> {
                    line(0, "offboard_" + noun() + ":");
                    line(1, "steps:");
                    line(2, "- name: Post the lost devices");
                    line(3, "run: |");
                    line(
                            4,
                            "curl -sf -X POST \"https://api.cloudflare.com/client/v4/accounts/${ACCOUNT_ID}/devices/"
                                    + verb + "\" \\");
                    line(5, "-H \"Authorization: Bearer ${CF_API_TOKEN}\" -d @ids.json");
                }
                default -> {
                    line(0, "paths_" + noun() + ":");
                    line(1, "/accounts/{account_id}/devices/" + verb + ":");
                    line(2, "post:");
                    line(3, "deprecated: true");
                    line(3, "operationId: " + verb + "-devices");
                }
            }
        }

        @Override
        int ownNearMisses() {
            return 1;
        }

        @Override
        void ownNearMiss(int template) {
            line(0, noun() + "_" + noun() + ":");
            line(1, "revoked_at: 2024-03-01T00:00:00Z");
        }

        @Override
        void phrase(String phrase) {
            if (r.nextBoolean()) {
                line(0, "# " + phrase);
            } else {
                line(0, noun() + "_note: \"" + phrase + "\"");
            }
        }
    }

    private static final class Json extends Emitter {
        private boolean first = true;

        Json(StringBuilder out, Random r) {
            super(out, r);
        }

        @Override
        void header() {
            out.append("[\n");
        }

        @Override
        void startBlock() {
            if (!first) {
                out.setLength(out.length() - 1);
                out.append(",\n");
            }
            first = false;
        }

        @Override
        void footer() {
            out.append("]\n");
        }

        @Override
        void filler() {
            line(1, "{");
            line(2, "\"id\": \"" + Words.uuid(r) + "\",");
            for (int i = between(2, 10); i > 0; i--) {
                switch (n(5)) {
                    case 0 -> line(2, "\"" + noun() + "\": " + between(0, 100000) + ",");
                    case 1 -> line(2, "\"" + noun() + "\": " + r.nextBoolean() + ",");
                    case 2 ->
                        line(
                                2,
                                "\"" + noun() + "\": [\"" + Words.adjective(r) + "\", \"" + Words.adjective(r)
                                        + "\"],");
                    case 3 ->
                        line(
                                2,
                                "\"" + noun() + "\": {\"" + noun() + "\": \"" + Words.adjective(r) + "\", \"" + noun()
                                        + "\": " + between(0, 999) + "},");
                    default -> line(2, "\"" + noun() + "\": \"" + Words.sentence(r, 2, 8) + "\",");
                }
            }
            line(2, "\"updated\": \"2024-" + (10 + n(3)) + "-" + (10 + n(19)) + "T" + (10 + n(14)) + ":00:00Z\"");
            line(1, "}");
        }

        @Override
        int truthTemplates() {
            return 2;
        }

        @Override
        void truth(int template) {
            String verb = verb(r);
            line(1, "{");
            line(2, "\"name\": \"" + Words.capitalised(noun()) + " cleanup\",");
            if (template == 0) {
                line(
                        2,
                        "\"url\": \"https://api.cloudflare.com/client/v4/accounts/" + Words.hex(r, 32) + "/devices/"
                                + verb + "\",");
            } else {
                line(2, "\"host\": [\"{{baseUrl}}\"],");
                line(2, "\"path\": [\"accounts\", \":account_id\", \"devices\", \"" + verb + "\"],");
            }
            line(2, "\"method\": \"POST\"");
            line(1, "}");
        }

        @Override
        int ownNearMisses() {
            return 2;
        }

        @Override
        void ownNearMiss(int template) {
            line(1, "{");
            if (template == 0) {
                line(
                        2,
                        "\"path\": [\"accounts\", \":account_id\", \"devices\", \"registrations\", \"" + verb(r)
                                + "\"],");
            } else {
                line(2, "\"revoked\": true,");
            }
            line(2, "\"id\": \"" + Words.uuid(r) + "\"");
            line(1, "}");
        }

        @Override
        void phrase(String phrase) {
            line(1, "{\"note\": \"" + phrase + "\"}");
        }
    }

    private static final class Markdown extends Emitter {
        Markdown(StringBuilder out, Random r) {
            super(out, r);
        }

        @Override
        void header() {
            line(0, "# " + Words.capitalised(noun()) + " " + noun() + " guide");
            line(0, "");
        }

        @Override
        void filler() {
            switch (n(6)) {
                case 0 ->
                    line(0, "## " + Words.capitalised(Words.verb(r)) + " the " + noun())
                            .line(0, "");
                case 1 -> {
                    for (int i = between(2, 6); i > 0; i--) {
                        line(0, "- " + sentence());
                    }
                    line(0, "");
                }
                case 2 -> {
                    line(0, "```" + Words.pick(r, new String[] {"sh", "json", "yaml", "python"}));
                    for (int i = between(2, 8); i > 0; i--) {
                        line(0, Words.verb(r) + " --" + noun() + "=" + Words.adjective(r) + " " + noun());
                    }
                    line(0, "```");
                    line(0, "");
                }
                case 3 -> {
                    line(0, "| " + Words.capitalised(noun()) + " | " + Words.capitalised(noun()) + " | Notes |");
                    line(0, "| --- | --- | --- |");
                    for (int i = between(2, 8); i > 0; i--) {
                        line(0, "| `" + noun() + "` | " + between(1, 500) + " | " + Words.sentence(r, 3, 9) + " |");
                    }
                    line(0, "");
                }
                default -> {
                    StringBuilder paragraph = new StringBuilder();
                    for (int i = between(2, 7); i > 0; i--) {
                        paragraph.append(sentence()).append(i > 1 ? " " : "");
                    }
                    line(0, paragraph.toString());
                    line(0, "");
                }
            }
        }

        @Override
        int truthTemplates() {
            return 3;
        }

        @Override
        void truth(int template) {
            String verb = verb(r);
            switch (template) {
                case 0 ->
                    line(
                            0,
                            "To " + verb + " a lost laptop, send `POST /accounts/{account_id}/devices/" + verb
                                    + "` with the device IDs in the body.");
                case 1 -> {
                    line(0, "```sh");
                    line(
                            0,
                            "curl -X POST \"https://api.cloudflare.com/client/v4/accounts/$ACCOUNT_ID/devices/" + verb
                                    + "\" \\");
                    line(0, "  -H \"Authorization: Bearer $CLOUDFLARE_API_TOKEN\" \\");
                    line(0, "  -d '[\"" + Words.uuid(r) + "\"]'");
                    line(0, "```");
                }
                default -> {
                    line(0, "```python");
                    line(0, "client.zero_trust.devices." + verb + ".create(account_id=ACCOUNT_ID, body=ids)");
                    line(0, "```");
                }
            }
            line(0, "");
        }

        @Override
        int ownNearMisses() {
            return 0;
        }

        @Override
        void ownNearMiss(int template) {
            throw new IllegalArgumentException("no Markdown-specific near miss " + template);
        }

        @Override
        void phrase(String phrase) {
            line(0, sentence() + " See `" + phrase + "`. " + sentence());
            line(0, "");
        }
    }

    private static final class Shell extends Emitter {
        Shell(StringBuilder out, Random r) {
            super(out, r);
        }

        @Override
        void header() {
            line(0, "#!/usr/bin/env bash");
            line(0, "# " + sentence());
            line(0, "set -euo pipefail");
            line(0, "");
            line(0, "API=\"${API:-https://api." + noun() + ".example.com}\"");
            line(0, "");
        }

        @Override
        void filler() {
            String name = Words.verb(r) + "_" + noun();
            line(0, name + "() {");
            line(1, "local " + noun() + "=\"$1\"");
            for (int i = between(2, 10); i > 0; i--) {
                switch (n(5)) {
                    case 0 ->
                        line(
                                1,
                                "curl -sf \"$API/" + noun() + "s/$" + noun() + "/" + noun()
                                        + "\" | jq -r '.result[] | .id'");
                    case 1 -> {
                        line(1, "if [ -z \"${" + noun().toUpperCase() + ":-}\" ]; then");
                        line(2, "echo \"" + sentence() + "\" >&2");
                        line(2, "return 1");
                        line(1, "fi");
                    }
                    case 2 -> {
                        line(
                                1,
                                "for f in ./" + noun() + "/*." + Words.pick(r, new String[] {"json", "yaml", "txt"})
                                        + "; do");
                        line(2, Words.verb(r) + "_" + noun() + " \"$f\"");
                        line(1, "done");
                    }
                    case 3 -> line(1, "# " + sentence());
                    default -> line(1, "echo \"" + Words.sentence(r, 3, 8) + "\"");
                }
            }
            line(0, "}");
            line(0, "");
        }

        @Override
        int truthTemplates() {
            return 2;
        }

        @Override
        void truth(int template) {
            String verb = verb(r);
            if (template == 0) {
                line(0, "curl -sf -X POST \"$API/accounts/$CLOUDFLARE_ACCOUNT_ID/devices/" + verb + "\" \\");
                line(1, "-H \"Authorization: Bearer $CLOUDFLARE_API_TOKEN\" \\");
                line(1, "--data @ids.json");
            } else {
                line(
                        0,
                        verb.toUpperCase() + "_URL=\"${CF_API}/accounts/${CLOUDFLARE_ACCOUNT_ID}/devices/" + verb
                                + "\"");
            }
            line(0, "");
        }

        @Override
        int ownNearMisses() {
            return 0;
        }

        @Override
        void ownNearMiss(int template) {
            throw new IllegalArgumentException("no shell-specific near miss " + template);
        }

        @Override
        void phrase(String phrase) {
            if (r.nextBoolean()) {
                line(0, "# " + phrase);
            } else {
                line(0, noun().toUpperCase() + "_NOTE=\"" + phrase + "\"");
            }
            line(0, "");
        }
    }
}
