package io.regshift.scan;

import io.regshift.core.Deprecation;
import io.regshift.core.SdkCall;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the scanner detects, derived from a catalog {@link Deprecation}: the deprecated path
 * in text, an official SDK's deprecated call in one language, or the path inside a compiled
 * artifact.
 *
 * @param id stable identifier, e.g. {@code revoke-sdk-python}; used in SARIF, baselines and docs
 * @param language the SDK language of an {@link Kind#SDK_CALL} or {@link Kind#OLDER_SDK_CALL} rule,
 *     null otherwise
 * @param title one line, e.g. {@code Deprecated revoke call in the Python SDK}
 * @param description what the rule detects, for people
 * @param example a line it flags
 * @param replacement what to write instead
 */
public record Rule(
        String id,
        Deprecation deprecation,
        Kind kind,
        SdkCall.Language language,
        String title,
        String description,
        String example,
        String replacement) {

    /** The forms of use a rule detects. */
    public enum Kind {
        /** The deprecated path in any text: strings, URLs, curl commands, config, API documents. */
        PATH,
        /** An official SDK's call of the deprecated endpoint. */
        SDK_CALL,
        /** A call of a library older than the official SDKs (cloudflare-go v0, python-cloudflare 2.x). */
        OLDER_SDK_CALL,
        /** The deprecated path inside a compiled class or an archive. */
        ARTIFACT
    }

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deprecation, "deprecation");
        Objects.requireNonNull(kind, "kind");
        boolean sdk = kind == Kind.SDK_CALL || kind == Kind.OLDER_SDK_CALL;
        if (sdk != (language != null)) {
            throw new IllegalArgumentException("an SDK rule, and only an SDK rule, has a language: " + id);
        }
    }

    public Optional<SdkCall.Language> sdkLanguage() {
        return Optional.ofNullable(language);
    }

    /** The endpoint the rule is about, e.g. {@code POST /accounts/{account_id}/devices/revoke}. */
    public String endpoint() {
        return deprecation.deprecated().toString();
    }

    /** Markdown: why it matters and the steps to migrate, for SARIF's {@code help} and the docs. */
    public String helpMarkdown() {
        Deprecation d = deprecation;
        String steps = switch (kind) {
            case PATH ->
                "1. Change the path to `"
                        + d.replacement().pathTemplate()
                        + "`.\n2. Move the IDs: "
                        + d.mapping().describe()
                        + ".\n3. If the call is made by an SDK or a tool you do not control, upgrade it, or"
                        + " run it through the regshift proxy while you migrate.";
            case SDK_CALL -> {
                SdkCall call = d.sdkCalls().stream()
                        .filter(c -> c.language() == language)
                        .findFirst()
                        .orElseThrow();
                yield "1. Replace the call with `"
                        + replacement
                        + "`.\n2. Pass the IDs as `"
                        + call.replacementIdsArgument()
                        + "` instead of `"
                        + call.deprecatedIdsArgument()
                        + "`.\n3. `regshift fix` rewrites this call mechanically.";
            }
            case OLDER_SDK_CALL ->
                "1. Move to the current official SDK and replace the call with `"
                        + replacement
                        + "`.\n2. `regshift fix` leaves this call to you: the older library has no call of the"
                        + " replacement.";
            case ARTIFACT ->
                "1. Find the dependency that contains this class (the path names the archive).\n"
                        + "2. Upgrade it to a version that calls `"
                        + d.replacement().pathTemplate()
                        + "`.\n3. Until then, route its calls with the regshift legacy adapter or proxy.";
        };
        return "`"
                + d.deprecated()
                + "` reached its end of life on "
                + d.endOfLife()
                + " and now fails. Its replacement is `"
                + d.replacement()
                + "`: "
                + d.mapping().describe()
                + ".\n\n"
                + steps
                + "\n\nReference: "
                + d.documentation()
                + "\n\nTo keep a use on purpose, add a `regshift:ignore` comment on its line or the line above.";
    }
}
