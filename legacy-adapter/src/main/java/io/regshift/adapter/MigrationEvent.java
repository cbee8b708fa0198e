package io.regshift.adapter;

import io.regshift.core.Deprecation;
import java.time.Duration;
import java.util.Objects;

/** One call to a deprecated endpoint that the interceptor saw: never the IDs or the credentials. */
public final class MigrationEvent {
  /** What happened to the call. */
  public enum Outcome {
    /** Routed to the replacement; every ID was accepted. */
    ROUTED,
    /** Routed, but some or all IDs were not accepted; the answer lists them. */
    FAILED,
    /** Refused before anything was sent: the body or an ID could not be translated. */
    REJECTED,
    /** Stopped with a {@link DeprecatedEndpointException}: the interceptor is in FAIL mode. */
    BLOCKED
  }

  private final Deprecation deprecation;
  private final int idCount;
  private final Outcome outcome;
  private final Duration duration;

  MigrationEvent(Deprecation deprecation, int idCount, Outcome outcome, Duration duration) {
    this.deprecation = Objects.requireNonNull(deprecation);
    this.idCount = idCount;
    this.outcome = Objects.requireNonNull(outcome);
    this.duration = Objects.requireNonNull(duration);
  }

  public Deprecation deprecation() {
    return deprecation;
  }

  /** The number of distinct IDs in the call; 0 when its body could not be read. */
  public int idCount() {
    return idCount;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** From the interceptor seeing the call to its answer, retries included. */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return deprecation.deprecated() + ": " + outcome + ", " + idCount + " IDs, " + duration.toMillis() + " ms";
  }
}
