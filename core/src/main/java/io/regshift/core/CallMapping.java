package io.regshift.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a call to a deprecated endpoint maps onto its replacement(s): where its IDs travel, which
 * path parameters are renamed, whether the answer comes from several replacement endpoints joined
 * together, and what shape the old caller expects back.
 *
 * <p>Two kinds exist. A <em>write</em> (revoke, unrevoke) moves the registration IDs from a JSON
 * array in the request body to a repeated query parameter ({@code ?id=a&id=b}), and the request
 * loses its body. A <em>read</em> (the device GETs) renames path parameters ({@code device_id}
 * becomes {@code registration_id}, since an old device ID is a registration ID), may join the
 * first replacement's results with another replacement's by a key, and rebuilds the old {@link
 * Answer answer shape}.
 */
public final class CallMapping {
    /** The shape of the deprecated endpoint's answer, built from the replacements'. */
    public enum Answer {
        /** Each ID's outcome of the replacement call; the envelope of a write. */
        OUTCOME("each ID's outcome of the replacement call"),
        /**
         * Every registration (all pages, revoked ones included), each joined with its physical
         * device, as old device objects on one page: {@link LegacyDevice}.
         */
        LEGACY_DEVICE_LIST("every registration (all pages followed, revoked ones included), each joined with its"
                + " physical device, as old device objects on one page"),
        /** One registration joined with its physical device, as one old device object: {@link LegacyDevice}. */
        LEGACY_DEVICE("the registration joined with its physical device, as an old device object"),
        /** A registration's override codes, {@code {"disable_for_time": {...}}}: {@link OverrideCodes}. */
        OVERRIDE_CODES("the registration's override codes, `{\"disable_for_time\": {...}}`");

        private final String description;

        Answer(String description) {
            this.description = description;
        }

        /** For people: what the old caller gets. */
        public String describe() {
            return description;
        }
    }

    private final int legacyMaxIds;
    private final String queryParameter;
    private final Map<String, String> pathParameters;
    private final String joinKey;
    private final Answer answer;

    private CallMapping(
            int legacyMaxIds,
            String queryParameter,
            Map<String, String> pathParameters,
            String joinKey,
            Answer answer) {
        this.legacyMaxIds = legacyMaxIds;
        this.queryParameter = queryParameter;
        this.pathParameters = pathParameters;
        this.joinKey = joinKey;
        this.answer = answer;
    }

    /** IDs as a JSON array body (at most {@code legacyMaxIds}) become a repeated query parameter. */
    public static CallMapping bodyArrayToRepeatedQuery(String queryParameter, int legacyMaxIds) {
        if (legacyMaxIds < 1) {
            throw new IllegalArgumentException("legacyMaxIds must be at least 1, was " + legacyMaxIds);
        }
        return new CallMapping(
                legacyMaxIds, Objects.requireNonNull(queryParameter, "queryParameter"), Map.of(), null, Answer.OUTCOME);
    }

    /**
     * A read: the deprecated path's parameters renamed as {@code pathParameters} says (old name to
     * new name, in path order), the answer rebuilt as {@code answer}, and, if {@code joinKey} is not
     * null, the first replacement's results joined with the other replacements' by that field (e.g.
     * {@code device.id}, the ID of a registration's physical device).
     */
    static CallMapping read(Map<String, String> pathParameters, String joinKey, Answer answer) {
        if (Objects.requireNonNull(answer, "answer") == Answer.OUTCOME) {
            throw new IllegalArgumentException("a read answers with data, not an outcome");
        }
        return new CallMapping(
                0, null, Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters)), joinKey, answer);
    }

    /**
     * Whether the call carries registration IDs in its body, which move to a query parameter: true
     * for writes (revoke, unrevoke), false for reads. Only then are {@link #legacyMaxIds()} and
     * {@link #queryParameter()} defined.
     */
    public boolean carriesIds() {
        return queryParameter != null;
    }

    /**
     * The most IDs the deprecated endpoint accepted in one body.
     *
     * @throws IllegalStateException for a read, which carries no IDs in a body
     */
    public int legacyMaxIds() {
        requireIds("legacyMaxIds");
        return legacyMaxIds;
    }

    /**
     * The replacement's query parameter, repeated once per ID.
     *
     * @throws IllegalStateException for a read, which carries no IDs in a body
     */
    public String queryParameter() {
        requireIds("queryParameter");
        return queryParameter;
    }

    private void requireIds(String what) {
        if (!carriesIds()) {
            throw new IllegalStateException(
                    what + " is defined only for a call that carries IDs; this is a read (" + answer.describe() + ")");
        }
    }

    /**
     * The deprecated path's parameters that the replacement names differently, old name to new
     * name, e.g. {@code device_id -> registration_id}; empty when none is renamed.
     */
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /**
     * The field of the first replacement's results whose value is the ID of the other
     * replacements' results, e.g. {@code device.id}: a registration's physical device. Empty when
     * the first replacement answers alone.
     */
    public Optional<String> joinKey() {
        return Optional.ofNullable(joinKey);
    }

    /** What the deprecated endpoint's caller gets back. */
    public Answer answer() {
        return answer;
    }

    /** For people: what changes in a call. */
    public String describe() {
        if (carriesIds()) {
            return "the IDs move from the JSON array request body (at most "
                    + legacyMaxIds
                    + " per call) to repeated `"
                    + queryParameter
                    + "` query parameters (`?"
                    + queryParameter
                    + "=a&"
                    + queryParameter
                    + "=b`); the request has no body";
        }
        StringBuilder s = new StringBuilder();
        pathParameters.forEach((from, to) -> s.append("the path parameter `")
                .append(from)
                .append("` becomes `")
                .append(to)
                .append("` (an old device ID is a registration ID); "));
        if (joinKey != null) {
            s.append("each registration is joined with the physical device whose ID is its `")
                    .append(joinKey)
                    .append("`; ");
        }
        return s.append("the old caller gets ").append(answer.describe()).toString();
    }

    @Override
    public String toString() {
        if (carriesIds()) {
            return "CallMapping{body JSON array (max " + legacyMaxIds + ") -> query " + queryParameter + "}";
        }
        return "CallMapping{read " + pathParameters + (joinKey == null ? "" : ", join on " + joinKey) + " -> " + answer
                + "}";
    }
}
