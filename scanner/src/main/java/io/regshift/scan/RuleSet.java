package io.regshift.scan;

import io.regshift.core.Catalog;
import io.regshift.core.Deprecation;
import io.regshift.core.OlderSdkCall;
import io.regshift.core.SdkCall;
import io.regshift.scan.dialect.Dialect;
import io.regshift.scan.dialect.SdkDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The scanner's rules, derived from the {@link Catalog}: for each deprecation, one path rule, one
 * rule per official SDK, and one artifact rule. Adding a catalog entry adds its rules.
 */
public final class RuleSet {
    private final Map<String, Rule> byId = new LinkedHashMap<>();

    private RuleSet(Catalog catalog) {
        // The writes only: rules for the device reads come with the precision work they need (a
        // bare `devices` path or `devices.list(` is everywhere), not from their entries alone.
        for (Deprecation d : catalog.writes()) {
            add(pathRule(d));
            for (SdkCall call : d.sdkCalls()) {
                add(sdkRule(d, call));
            }
            for (OlderSdkCall call : d.olderSdkCalls()) {
                add(olderSdkRule(d, call));
            }
            add(artifactRule(d));
        }
    }

    public static RuleSet fromCatalog(Catalog catalog) {
        return new RuleSet(catalog);
    }

    private void add(Rule rule) {
        if (byId.putIfAbsent(rule.id(), rule) != null) {
            throw new IllegalStateException("two rules with the id " + rule.id());
        }
    }

    /** Every rule, in catalog order. */
    public List<Rule> all() {
        return List.copyOf(byId.values());
    }

    public Rule byId(String id) {
        Rule rule = byId.get(id);
        if (rule == null) {
            throw new NoSuchElementException("no rule " + id);
        }
        return rule;
    }

    public Rule path(Deprecation d) {
        return byId(d.id() + "-path");
    }

    public Rule artifact(Deprecation d) {
        return byId(d.id() + "-artifact");
    }

    /** The rule for an older library's calls of {@code d}. */
    public Rule olderSdk(Deprecation d, OlderSdkCall call) {
        return byId(olderSdkId(d, call));
    }

    private static String olderSdkId(Deprecation d, OlderSdkCall call) {
        return d.id() + "-older-sdk-" + call.language().name().toLowerCase(Locale.ROOT);
    }

    private static Rule olderSdkRule(Deprecation d, OlderSdkCall call) {
        String current = d.sdkCalls().stream()
                .filter(c -> c.language() == call.language())
                .map(c -> Dialect.of(c.language()).replacementExample(c))
                .findFirst()
                .orElse(d.replacement().toString());
        return new Rule(
                olderSdkId(d, call),
                d,
                Rule.Kind.OLDER_SDK_CALL,
                call.language(),
                "Deprecated " + d.id() + " call in " + call.sdk(),
                "Calls of `." + call.call() + "(` from " + call.sdk() + ", which send " + d.deprecated()
                        + ". The library has no call of the replacement: move to the current official SDK.",
                call.example(),
                current);
    }

    public Rule sdk(Deprecation d, SdkCall.Language language) {
        return byId(d.id() + "-sdk-" + language.name().toLowerCase(Locale.ROOT));
    }

    private static Rule pathRule(Deprecation d) {
        String path = d.deprecated().pathTemplate();
        return new Rule(
                d.id() + "-path",
                d,
                Rule.Kind.PATH,
                null,
                "Deprecated " + d.deprecated() + " path",
                "The path `"
                        + path
                        + "` in any text: code strings, template literals, f-strings and format strings"
                        + " (`"
                        + path.replace("{account_id}", "%s")
                        + "`), URLs in config, curl commands, OpenAPI path keys, HAR files, and Postman"
                        + " path arrays (`[\"accounts\", \":account_id\", "
                        + quotedSegments(d)
                        + "]`).",
                "curl -X " + d.deprecated().method() + " \"$API/accounts/$ACCOUNT_ID/"
                        + String.join("/", d.deprecated().segmentsAfterAccount()) + "\" -d '[\"f174e90a\"]'",
                d.replacement() + " with the IDs as repeated `" + d.mapping().queryParameter() + "` query parameters");
    }

    private static Rule sdkRule(Deprecation d, SdkCall call) {
        SdkDialect dialect = Dialect.of(call.language());
        List<String> detected = new ArrayList<>(List.of(call.deprecatedCall()));
        call.deprecatedParamsType().ifPresent(detected::add);
        return new Rule(
                d.id() + "-sdk-" + call.language().name().toLowerCase(Locale.ROOT),
                d,
                Rule.Kind.SDK_CALL,
                call.language(),
                "Deprecated " + d.id() + " call in the " + call.language().displayName() + " SDK",
                "Calls of `"
                        + String.join("` and `", detected)
                        + (call.language().official()
                                ? "` from the official " + call.language().sdk() + " SDK"
                                : "` in " + call.language().sdk() + " that copy the official SDKs' call shape"
                                        + " (Cloudflare publishes no official SDK for them)")
                        + ", which send "
                        + d.deprecated()
                        + dialect.otherForms()
                        + ". A call split over several lines is one finding, at its first line.",
                dialect.example(call),
                dialect.replacementExample(call));
    }

    private static Rule artifactRule(Deprecation d) {
        return new Rule(
                d.id() + "-artifact",
                d,
                Rule.Kind.ARTIFACT,
                null,
                "Compiled code that calls " + d.deprecated(),
                "The path `"
                        + d.deprecated().pathTemplate()
                        + "` inside `.class` files and `.jar`/`.war`/`.ear` archives (nested ones too),"
                        + " reported as `lib/x.jar!/com/acme/Client.class`: usually an old SDK or client"
                        + " library among the dependencies.",
                "lib/cloudflare-client-1.2.jar!/com/acme/DevicesClient.class",
                "a version of the dependency that calls " + d.replacement());
    }

    private static String quotedSegments(Deprecation d) {
        return String.join(
                ", ",
                d.deprecated().segmentsAfterAccount().stream()
                        .map(s -> "\"" + s + "\"")
                        .toList());
    }
}
