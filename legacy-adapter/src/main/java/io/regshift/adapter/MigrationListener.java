package io.regshift.adapter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told of every call to a deprecated endpoint, so an application can count what still needs
 * migrating. Called on the thread that made the call; keep it quick.
 */
public interface MigrationListener {
    void onDeprecatedCall(MigrationEvent event);

    /**
     * The default: one WARN per deprecated endpoint per process through SLF4J (logger {@code
     * io.regshift.adapter}), naming the endpoint and its replacement, and a DEBUG line per call with
     * its outcome, ID count and duration. Never the IDs, never credentials.
     */
    static MigrationListener logging() {
        return LoggingListener.INSTANCE;
    }

    /** A listener that does nothing. */
    static MigrationListener none() {
        return event -> {};
    }
}

/** The default listener; its once-per-endpoint memory is per process, as the WARN promises. */
final class LoggingListener implements MigrationListener {
    static final LoggingListener INSTANCE = new LoggingListener();
    private static final Logger LOG = LoggerFactory.getLogger("io.regshift.adapter");
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Override
    public void onDeprecatedCall(MigrationEvent event) {
        var d = event.deprecation();
        if (warned.add(d.id())) {
            LOG.warn(
                    "This application called the deprecated {} (end of life {}); regshift {} it. Migrate the caller to {}"
                            + " (see {}). Later calls to this endpoint are logged at DEBUG only.",
                    d.deprecated(),
                    d.endOfLife(),
                    event.outcome() == MigrationEvent.Outcome.BLOCKED ? "blocked" : "routed",
                    d.replacement(),
                    d.documentation());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{}: {} with {} IDs in {} ms",
                    d.deprecated(),
                    event.outcome(),
                    event.idCount(),
                    event.duration().toMillis());
        }
    }
}
