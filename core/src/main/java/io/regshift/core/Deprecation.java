package io.regshift.core;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One deprecated endpoint of the Cloudflare API and everything needed to move off it: its
 * replacement(s), its end of life, where it is documented, how a call maps across, how the official
 * SDKs spell both calls, and how older SDKs spell the deprecated one.
 *
 * <p>A <em>write</em> (revoke, unrevoke) has one replacement and carries registration IDs; a
 * <em>read</em> (the device GETs) may have several replacements whose answers are joined, as its
 * {@link #mapping()} says.
 *
 * <p>Instances come from {@link Catalog}; they are immutable.
 */
public final class Deprecation {
    private final String id;
    private final String title;
    private final String pastTense;
    private final Endpoint deprecated;
    private final List<Endpoint> replacements;
    private final LocalDate endOfLife;
    private final URI documentation;
    private final CallMapping mapping;
    private final List<SdkCall> sdkCalls;
    private final List<OlderSdkCall> olderSdkCalls;

    Deprecation(
            String id,
            String title,
            String pastTense,
            Endpoint deprecated,
            List<Endpoint> replacements,
            LocalDate endOfLife,
            URI documentation,
            CallMapping mapping,
            List<SdkCall> sdkCalls,
            List<OlderSdkCall> olderSdkCalls) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.pastTense = Objects.requireNonNull(pastTense, "pastTense");
        this.deprecated = Objects.requireNonNull(deprecated, "deprecated");
        this.replacements = List.copyOf(replacements);
        if (replacements.isEmpty()) {
            throw new IllegalArgumentException("at least one replacement is required: " + id);
        }
        this.endOfLife = Objects.requireNonNull(endOfLife, "endOfLife");
        this.documentation = Objects.requireNonNull(documentation, "documentation");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.sdkCalls = List.copyOf(sdkCalls);
        this.olderSdkCalls = List.copyOf(olderSdkCalls);
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

    /** The endpoint to call instead: the main one of {@link #replacements()}. */
    public Endpoint replacement() {
        return replacements.get(0);
    }

    /**
     * Every endpoint the deprecated one's answer comes from, the {@link #replacement() main one}
     * first: one for a write; for the device reads, registrations and then the physical devices
     * they are joined with (see {@link CallMapping#joinKey()}).
     */
    public List<Endpoint> replacements() {
        return replacements;
    }

    /** Whether this is a write: its calls carry registration IDs ({@link CallMapping#carriesIds()}). */
    public boolean isWrite() {
        return mapping.carriesIds();
    }

    /** The day Cloudflare stopped serving the deprecated endpoint. */
    public LocalDate endOfLife() {
        return endOfLife;
    }

    /** The replacement's API reference. */
    public URI documentation() {
        return documentation;
    }

    /** How a call moves from the old request and answer shape to the new ones. */
    public CallMapping mapping() {
        return mapping;
    }

    /** The current SDKs' spelling of the deprecated call and of its replacement, one per language. */
    public List<SdkCall> sdkCalls() {
        return sdkCalls;
    }

    /** How older SDKs (cloudflare-go v0, python-cloudflare 2.x) spell the deprecated call; may be empty. */
    public List<OlderSdkCall> olderSdkCalls() {
        return olderSdkCalls;
    }

    /** Whether the deprecated endpoint's end of life is on or before {@code day}. */
    public boolean isPastEndOfLife(LocalDate day) {
        return !day.isBefore(endOfLife);
    }

    @Override
    public String toString() {
        return deprecated
                + " -> "
                + replacements.stream().map(Endpoint::toString).collect(Collectors.joining(" + "))
                + " (end of life "
                + endOfLife
                + ")";
    }
}
