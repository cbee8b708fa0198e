package io.regshift.adapter;

import io.regshift.core.RegistrationIds;
import io.regshift.core.ReplacementCall;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do with a deprecated call: the replacement calls to send, or, when the request can't be
 * translated, the answer to give at once without sending anything.
 */
public final class LegacyPlan {
    private final RegistrationIds ids;
    private final List<ReplacementCall> calls;
    private final LegacyResponse rejection;

    private LegacyPlan(RegistrationIds ids, List<ReplacementCall> calls, LegacyResponse rejection) {
        this.ids = ids;
        this.calls = calls;
        this.rejection = rejection;
    }

    static LegacyPlan send(RegistrationIds ids, List<ReplacementCall> calls) {
        return new LegacyPlan(Objects.requireNonNull(ids), List.copyOf(calls), null);
    }

    static LegacyPlan reject(LegacyResponse rejection) {
        return new LegacyPlan(null, List.of(), Objects.requireNonNull(rejection));
    }

    /** The local answer (HTTP 400) when the request can't be translated; nothing is sent then. */
    public Optional<LegacyResponse> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** The replacement calls to send, in order; empty for a rejection. */
    public List<ReplacementCall> calls() {
        return calls;
    }

    /** The distinct IDs of the request; empty for a rejection. */
    public List<String> ids() {
        return ids == null ? List.of() : ids;
    }
}
