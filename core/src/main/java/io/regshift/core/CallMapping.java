package io.regshift.core;

/**
 * How a call to a deprecated endpoint maps onto its replacement: where the registration IDs
 * travel in each, and how many the old endpoint took.
 *
 * <p>For revoke and unrevoke the IDs move from a JSON array in the request body to a repeated
 * query parameter ({@code ?id=a&id=b}), and the request loses its body.
 */
public final class CallMapping {
    private final int legacyMaxIds;
    private final String queryParameter;

    private CallMapping(int legacyMaxIds, String queryParameter) {
        if (legacyMaxIds < 1) {
            throw new IllegalArgumentException("legacyMaxIds must be at least 1, was " + legacyMaxIds);
        }
        this.legacyMaxIds = legacyMaxIds;
        this.queryParameter = queryParameter;
    }

    /** IDs as a JSON array body (at most {@code legacyMaxIds}) become a repeated query parameter. */
    public static CallMapping bodyArrayToRepeatedQuery(String queryParameter, int legacyMaxIds) {
        return new CallMapping(legacyMaxIds, queryParameter);
    }

    /** The most IDs the deprecated endpoint accepted in one body. */
    public int legacyMaxIds() {
        return legacyMaxIds;
    }

    /** The replacement's query parameter, repeated once per ID. */
    public String queryParameter() {
        return queryParameter;
    }

    /** For people: what changes in a call. */
    public String describe() {
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

    @Override
    public String toString() {
        return "CallMapping{body JSON array (max " + legacyMaxIds + ") -> query " + queryParameter + "}";
    }
}
