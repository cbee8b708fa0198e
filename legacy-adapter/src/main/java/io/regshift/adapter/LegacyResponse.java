package io.regshift.adapter;

import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The answer to a deprecated call, in the deprecated endpoint's envelope shape. */
public final class LegacyResponse {
    private final int status;
    private final Envelope envelope;
    private final List<String> succeededIds;
    private final List<String> failedIds;
    private final int calls;

    /** The lists are kept as given: they must not change afterwards. */
    LegacyResponse(int status, Envelope envelope, List<String> succeededIds, List<String> failedIds, int calls) {
        this.status = status;
        this.envelope = Objects.requireNonNull(envelope);
        this.succeededIds = Objects.requireNonNull(succeededIds);
        this.failedIds = Objects.requireNonNull(failedIds);
        this.calls = calls;
    }

    /** 200 only when every ID was accepted. */
    public int status() {
        return status;
    }

    public Envelope envelope() {
        return envelope;
    }

    /** The envelope as UTF-8 JSON. */
    public byte[] body() {
        return CloudflareJson.envelope().toJson(envelope).getBytes(StandardCharsets.UTF_8);
    }

    public List<String> succeededIds() {
        return succeededIds;
    }

    /** The IDs not revoked (unrevoked); also in the envelope's {@code result.failed_ids}. */
    public List<String> failedIds() {
        return failedIds;
    }

    /** How many replacement calls were made; 0 when the request was refused locally. */
    public int replacementCalls() {
        return calls;
    }

    @Override
    public String toString() {
        return "LegacyResponse{" + status + ", " + succeededIds.size() + " succeeded, " + failedIds.size() + " failed}";
    }
}
