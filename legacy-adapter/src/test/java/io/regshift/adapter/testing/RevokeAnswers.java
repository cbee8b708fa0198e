package io.regshift.adapter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Envelope;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The property both transports of a deprecated revoke keep under faults: what the answer reports
 * as revoked is exactly what the fake revoked, and every ID asked for is either succeeded or failed.
 */
public final class RevokeAnswers {
    private RevokeAnswers() {}

    /**
     * Asserts that the answer ({@code status}, {@code envelope}) to a revoke of {@code ids} reports
     * as revoked exactly {@code revokedByTheFake}, and loses no ID.
     */
    @SuppressWarnings("unchecked")
    public static void assertReportsWhatTheFakeRevoked(
            int status, Envelope envelope, List<String> ids, Set<String> revokedByTheFake) {
        Set<String> reportedRevoked;
        if (status == 200) {
            assertThat(envelope.success()).isTrue();
            reportedRevoked = new HashSet<>(ids);
        } else {
            assertThat(envelope.success()).isFalse();
            Map<String, List<String>> result = (Map<String, List<String>>) envelope.result();
            reportedRevoked = new HashSet<>(result.get("succeeded_ids"));
            Set<String> all = new HashSet<>(reportedRevoked);
            all.addAll(result.get("failed_ids"));
            assertThat(all).as("no ID lost").isEqualTo(new HashSet<>(ids));
        }
        assertThat(revokedByTheFake).isEqualTo(reportedRevoked);
    }
}
