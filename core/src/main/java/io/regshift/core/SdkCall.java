package io.regshift.core;

import java.util.ArrayList;
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
    /**
     * The SDKs regshift knows, named by the language they are written for. Cloudflare publishes
     * official SDKs for TypeScript, Python and Go; for the JVM languages there is none, and {@link
     * #JAVA} stands for the same call shape in Java/Kotlin code (community and generated clients).
     */
    public enum Language {
        TYPESCRIPT("TypeScript/JavaScript", "cloudflare (npm)", true),
        PYTHON("Python", "cloudflare (PyPI)", true),
        GO("Go", "github.com/cloudflare/cloudflare-go v4+", true),
        JAVA("Java/Kotlin", "community and generated Java/Kotlin clients", false);

        private final String displayName;
        private final String sdk;
        private final boolean official;

        Language(String displayName, String sdk, boolean official) {
            this.displayName = displayName;
            this.sdk = sdk;
            this.official = official;
        }

        /** The languages, for people, e.g. {@code TypeScript/JavaScript}. */
        public String displayName() {
            return displayName;
        }

        /** The SDK package, e.g. {@code cloudflare (npm)}; for {@link #JAVA}, the clients meant. */
        public String sdk() {
            return sdk;
        }

        /** Whether {@link #sdk()} is an SDK Cloudflare publishes; false for {@link #JAVA}. */
        public boolean official() {
            return official;
        }
    }

    private final Language language;
    private final List<String> deprecatedChain;
    private final List<List<String>> deprecatedVariants;
    private final List<List<String>> replacementChains;
    private final String deprecatedIdsArgument;
    private final String replacementIdsArgument;
    private final String deprecatedParamsType;
    private final String replacementParamsType;

    private SdkCall(
            Language language,
            List<String> deprecatedChain,
            List<List<String>> deprecatedVariants,
            List<List<String>> replacementChains,
            String deprecatedIdsArgument,
            String replacementIdsArgument,
            String deprecatedParamsType,
            String replacementParamsType) {
        this.language = Objects.requireNonNull(language, "language");
        this.deprecatedChain = List.copyOf(deprecatedChain);
        this.deprecatedVariants = List.copyOf(deprecatedVariants);
        this.replacementChains = List.copyOf(replacementChains);
        if (replacementChains.isEmpty()) {
            throw new IllegalArgumentException("at least one replacement call is required");
        }
        if ((deprecatedIdsArgument == null) != (replacementIdsArgument == null)) {
            throw new IllegalArgumentException("an IDs argument needs both its old and its new name");
        }
        this.deprecatedIdsArgument = deprecatedIdsArgument;
        this.replacementIdsArgument = replacementIdsArgument;
        this.deprecatedParamsType = deprecatedParamsType;
        this.replacementParamsType = replacementParamsType;
    }

    /** A call whose chain is written with dots, e.g. {@code "zeroTrust.devices.revoke.create"}. */
    static SdkCall of(Language language, String deprecated, String replacement, String idsArg, String newIdsArg) {
        return new SdkCall(
                language,
                split(deprecated),
                List.of(),
                List.of(split(replacement)),
                Objects.requireNonNull(idsArg),
                Objects.requireNonNull(newIdsArg),
                null,
                null);
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
        return of(language, deprecated, replacement, idsArg, newIdsArg)
                .params(Objects.requireNonNull(paramsType), Objects.requireNonNull(newParamsType));
    }

    /**
     * A read: the deprecated chain and the chains that replace it, the first of them the main one
     * (e.g. registrations), the others what it is joined with (physical devices). No IDs argument
     * and no params type until {@link #idArgument} and {@link #params} add them.
     */
    static SdkCall read(Language language, String deprecated, String... replacements) {
        List<List<String>> chains = new ArrayList<>();
        for (String replacement : replacements) {
            chains.add(split(replacement));
        }
        return new SdkCall(language, split(deprecated), List.of(), chains, null, null, null, null);
    }

    /** This call, whose ID is passed as the argument {@code name}, renamed {@code newName}. */
    SdkCall idArgument(String name, String newName) {
        return new SdkCall(
                language,
                deprecatedChain,
                deprecatedVariants,
                replacementChains,
                Objects.requireNonNull(name),
                Objects.requireNonNull(newName),
                deprecatedParamsType,
                replacementParamsType);
    }

    /**
     * This call, with Go's params struct type {@code type}, which becomes {@code newType} (null
     * when the replacement's type is not documented).
     */
    SdkCall params(String type, String newType) {
        return new SdkCall(
                language,
                deprecatedChain,
                deprecatedVariants,
                replacementChains,
                deprecatedIdsArgument,
                replacementIdsArgument,
                Objects.requireNonNull(type),
                newType);
    }

    /** This call, also spelled {@code chain} in the same SDK, e.g. Go's {@code ListAutoPaging}. */
    SdkCall alsoSpelled(String chain) {
        List<List<String>> variants = new ArrayList<>(deprecatedVariants);
        variants.add(split(chain));
        return new SdkCall(
                language,
                deprecatedChain,
                variants,
                replacementChains,
                deprecatedIdsArgument,
                replacementIdsArgument,
                deprecatedParamsType,
                replacementParamsType);
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

    /**
     * Other spellings of the deprecated call in the same SDK, e.g. Go's {@code [ZeroTrust, Devices,
     * ListAutoPaging]} beside {@code List}; usually empty.
     */
    public List<List<String>> deprecatedVariants() {
        return deprecatedVariants;
    }

    /** The main replacement call, e.g. {@code [zeroTrust, devices, registrations, revoke]}. */
    public List<String> replacementChain() {
        return replacementChains.get(0);
    }

    /**
     * Every call that replaces the deprecated one, the {@link #replacementChain() main one} first:
     * one for a write, two for a read whose answer joins registrations with physical devices.
     */
    public List<List<String>> replacementChains() {
        return replacementChains;
    }

    /**
     * Whether the deprecated call passes IDs in an argument that the replacement renames: the IDs
     * of a write, the device ID of a get. A list has none.
     */
    public boolean hasIdsArgument() {
        return deprecatedIdsArgument != null;
    }

    /**
     * The argument or field that carries the IDs in the deprecated call, e.g. {@code body}.
     *
     * @throws IllegalStateException if the call has none (see {@link #hasIdsArgument()})
     */
    public String deprecatedIdsArgument() {
        requireIdsArgument();
        return deprecatedIdsArgument;
    }

    /**
     * The argument or field that carries the IDs in the replacement call, e.g. {@code id}.
     *
     * @throws IllegalStateException if the call has none (see {@link #hasIdsArgument()})
     */
    public String replacementIdsArgument() {
        requireIdsArgument();
        return replacementIdsArgument;
    }

    private void requireIdsArgument() {
        if (deprecatedIdsArgument == null) {
            throw new IllegalStateException(deprecatedCall() + " in " + language.displayName() + " takes no IDs");
        }
    }

    /** The params struct type of the deprecated call (Go), e.g. {@code DeviceRevokeNewParams}. */
    public Optional<String> deprecatedParamsType() {
        return Optional.ofNullable(deprecatedParamsType);
    }

    /** The params struct type of the replacement call (Go), when it is documented. */
    public Optional<String> replacementParamsType() {
        return Optional.ofNullable(replacementParamsType);
    }

    /** The deprecated chain written with dots. */
    public String deprecatedCall() {
        return String.join(".", deprecatedChain);
    }

    /** The main replacement chain written with dots. */
    public String replacementCall() {
        return String.join(".", replacementChain());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(language.displayName()).append(": ").append(deprecatedCall());
        for (List<String> variant : deprecatedVariants) {
            s.append(" / ").append(String.join(".", variant));
        }
        s.append(" -> ").append(replacementCall());
        for (List<String> joined : replacementChains.subList(1, replacementChains.size())) {
            s.append(" + ").append(String.join(".", joined));
        }
        return s.toString();
    }
}
