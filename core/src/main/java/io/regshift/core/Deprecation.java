package io.regshift.core;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One deprecated endpoint of the Cloudflare API and everything needed to move off it: its
 * replacement, its end of life, where it is documented, how a call maps across, and how the
 * official SDKs spell both calls.
 *
 * <p>Instances come from {@link Catalog}; they are immutable.
 */
public final class Deprecation {
    private final String id;
    private final String title;
    private final String pastTense;
    private final Endpoint deprecated;
    private final Endpoint replacement;
    private final LocalDate endOfLife;
    private final URI documentation;
    private final CallMapping mapping;
    private final List<SdkCall> sdkCalls;

    Deprecation(
            String id,
            String title,
            String pastTense,
            Endpoint deprecated,
            Endpoint replacement,
            LocalDate endOfLife,
            URI documentation,
            CallMapping mapping,
            List<SdkCall> sdkCalls) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.pastTense = Objects.requireNonNull(pastTense, "pastTense");
        this.deprecated = Objects.requireNonNull(deprecated, "deprecated");
        this.replacement = Objects.requireNonNull(replacement, "replacement");
        this.endOfLife = Objects.requireNonNull(endOfLife, "endOfLife");
        this.documentation = Objects.requireNonNull(documentation, "documentation");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.sdkCalls = List.copyOf(sdkCalls);
    }

    /** A short stable identifier, e.g. {@code revoke}; rule IDs and metrics derive from it. */
    public String id() {
        return id;
    }

    /** For people, e.g. {@code Revoke devices}. */
    public String title() {
        return title;
    }

    /**
     * What an ID is once the operation succeeded, e.g. {@code revoked}: the word answers, results
     * files and summaries use.
     */
    public String pastTense() {
        return pastTense;
    }

    /** The endpoint that is past its end of life. */
    public Endpoint deprecated() {
        return deprecated;
    }

    /** The endpoint to call instead. */
    public Endpoint replacement() {
        return replacement;
    }

    /** The day Cloudflare stopped serving the deprecated endpoint. */
    public LocalDate endOfLife() {
        return endOfLife;
    }

    /** The replacement's API reference. */
    public URI documentation() {
        return documentation;
    }

    /** How a call's IDs move from the old request shape to the new one. */
    public CallMapping mapping() {
        return mapping;
    }

    /** The official SDKs' spelling of the deprecated call and of its replacement. */
    public List<SdkCall> sdkCalls() {
        return sdkCalls;
    }

    /** Whether the deprecated endpoint's end of life is on or before {@code day}. */
    public boolean isPastEndOfLife(LocalDate day) {
        return !day.isBefore(endOfLife);
    }

    @Override
    public String toString() {
        return deprecated + " -> " + replacement + " (end of life " + endOfLife + ")";
    }
}
