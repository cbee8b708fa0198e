package io.regshift.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one official Cloudflare SDK calls a deprecated endpoint, and how it calls the replacement.
 *
 * <p>Chains are the member names after the client object, e.g. {@code [zeroTrust, devices, revoke,
 * create]} for {@code client.zeroTrust.devices.revoke.create(...)}. The argument that carries the
 * IDs is renamed from {@link #deprecatedIdsArgument()} to {@link #replacementIdsArgument()}. Go's
 * SDK passes a params struct, whose type is renamed too.
 */
public final class SdkCall {
    /** The SDKs regshift knows, named by the language they are written for. */
    public enum Language {
        TYPESCRIPT("TypeScript/JavaScript", "cloudflare (npm)"),
        PYTHON("Python", "cloudflare (PyPI)"),
        GO("Go", "github.com/cloudflare/cloudflare-go v4+"),
        JAVA("Java/Kotlin", "cloudflare-java (Maven Central)");

        private final String displayName;
        private final String sdk;

        Language(String displayName, String sdk) {
            this.displayName = displayName;
            this.sdk = sdk;
        }

        /** The languages, for people, e.g. {@code TypeScript/JavaScript}. */
        public String displayName() {
            return displayName;
        }

        /** The SDK package, e.g. {@code cloudflare (npm)}. */
        public String sdk() {
            return sdk;
        }
    }

    private final Language language;
    private final List<String> deprecatedChain;
    private final List<String> replacementChain;
    private final String deprecatedIdsArgument;
    private final String replacementIdsArgument;
    private final String deprecatedParamsType;
    private final String replacementParamsType;

    private SdkCall(
            Language language,
            List<String> deprecatedChain,
            List<String> replacementChain,
            String deprecatedIdsArgument,
            String replacementIdsArgument,
            String deprecatedParamsType,
            String replacementParamsType) {
        this.language = Objects.requireNonNull(language, "language");
        this.deprecatedChain = List.copyOf(deprecatedChain);
        this.replacementChain = List.copyOf(replacementChain);
        this.deprecatedIdsArgument = Objects.requireNonNull(deprecatedIdsArgument);
        this.replacementIdsArgument = Objects.requireNonNull(replacementIdsArgument);
        this.deprecatedParamsType = deprecatedParamsType;
        this.replacementParamsType = replacementParamsType;
    }

    /** A call whose chain is written with dots, e.g. {@code "zeroTrust.devices.revoke.create"}. */
    static SdkCall of(Language language, String deprecated, String replacement, String idsArg, String newIdsArg) {
        return new SdkCall(language, split(deprecated), split(replacement), idsArg, newIdsArg, null, null);
    }

    /** Go's form: a call that takes a params struct, whose type changes too. */
    static SdkCall withParams(
            Language language,
            String deprecated,
            String replacement,
            String idsArg,
            String newIdsArg,
            String paramsType,
            String newParamsType) {
        return new SdkCall(
                language,
                split(deprecated),
                split(replacement),
                idsArg,
                newIdsArg,
                Objects.requireNonNull(paramsType),
                Objects.requireNonNull(newParamsType));
    }

    private static List<String> split(String chain) {
        return List.of(chain.split("\\."));
    }

    public Language language() {
        return language;
    }

    /** e.g. {@code [zeroTrust, devices, revoke, create]}. */
    public List<String> deprecatedChain() {
        return deprecatedChain;
    }

    /** e.g. {@code [zeroTrust, devices, registrations, revoke]}. */
    public List<String> replacementChain() {
        return replacementChain;
    }

    /** The argument or field that carries the IDs in the deprecated call, e.g. {@code body}. */
    public String deprecatedIdsArgument() {
        return deprecatedIdsArgument;
    }

    /** The argument or field that carries the IDs in the replacement call, e.g. {@code id}. */
    public String replacementIdsArgument() {
        return replacementIdsArgument;
    }

    /** The params struct type of the deprecated call (Go), e.g. {@code DeviceRevokeNewParams}. */
    public Optional<String> deprecatedParamsType() {
        return Optional.ofNullable(deprecatedParamsType);
    }

    /** The params struct type of the replacement call (Go). */
    public Optional<String> replacementParamsType() {
        return Optional.ofNullable(replacementParamsType);
    }

    /** The deprecated chain written with dots. */
    public String deprecatedCall() {
        return String.join(".", deprecatedChain);
    }

    /** The replacement chain written with dots. */
    public String replacementCall() {
        return String.join(".", replacementChain);
    }

    @Override
    public String toString() {
        return language.displayName() + ": " + deprecatedCall() + " -> " + replacementCall();
    }
}
