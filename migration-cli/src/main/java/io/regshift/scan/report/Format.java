package io.regshift.scan.report;

import java.util.Locale;

/** The output formats of {@code regshift scan}. */
public enum Format {
  /** For people at a terminal. */
  TEXT,
  /** regshift's own schema, version 1: a public contract (docs/scan-output.md). */
  JSON,
  /** SARIF 2.1.0, as GitHub code scanning takes it. */
  SARIF,
  /** GitHub Actions workflow commands: one annotation per finding. */
  GITHUB;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
