package io.regshift.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a revoke or unrevoke did, ID by ID: every ID given is either in {@link #succeededIds()} or
 * in exactly one {@link Failure}, so no ID is lost and a partial failure is never a success.
 */
public final class RegistrationsResult {
    private final String operation;
    private final List<String> succeededIds;
    private final List<Failure> failures;

    RegistrationsResult(String operation, List<String> succeededIds, List<Failure> failures) {
        this.operation = operation;
        this.succeededIds = List.copyOf(succeededIds);
        this.failures = List.copyOf(failures);
    }

    /** The catalog id of what was done: {@code revoke} or {@code unrevoke}. */
    public String operation() {
        return operation;
    }

    /** True only when every ID was accepted. */
    public boolean isSuccess() {
        return failures.isEmpty();
    }

    /** The IDs Cloudflare accepted, in the order given. */
    public List<String> succeededIds() {
        return succeededIds;
    }

    /** One entry per call that did not succeed, in order. */
    public List<Failure> failures() {
        return failures;
    }

    /** The IDs of every failure, in order. */
    public List<String> failedIds() {
        List<String> ids = new ArrayList<>();
        for (Failure failure : failures) {
            ids.addAll(failure.ids());
        }
        return ids;
    }

    @Override
    public String toString() {
        return "RegistrationsResult{"
                + operation
                + ": "
                + succeededIds.size()
                + " succeeded, "
                + failedIds().size()
                + " failed"
                + (failures.isEmpty() ? "" : ", first failure: " + failures.get(0))
                + "}";
    }

    /** The IDs of one call that did not succeed, and why. */
    public static final class Failure {
        private final RegistrationIds ids;
        private final int httpStatus;
        private final List<ResponseInfo> errors;
        private final String reason;
        private final int attempts;

        Failure(RegistrationIds ids, int httpStatus, List<ResponseInfo> errors, String reason, int attempts) {
            this.ids = Objects.requireNonNull(ids);
            this.httpStatus = httpStatus;
            this.errors = List.copyOf(errors);
            this.reason = Objects.requireNonNull(reason);
            this.attempts = attempts;
        }

        /** The IDs of the call. */
        public RegistrationIds ids() {
            return ids;
        }

        /** The last HTTP status, if a response came back at all. */
        public OptionalInt httpStatus() {
            return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
        }

        /** Cloudflare's errors from the last response; empty if it had none or was not an envelope. */
        public List<ResponseInfo> errors() {
            return errors;
        }

        /** For people: what went wrong, e.g. {@code HTTP 503 after 5 attempts}. */
        public String reason() {
            return reason;
        }

        /** How many attempts were made; 0 if the call was never sent. */
        public int attempts() {
            return attempts;
        }

        @Override
        public String toString() {
            return ids.size() + " IDs: " + reason + (errors.isEmpty() ? "" : " " + errors);
        }
    }
}
