package io.regshift.scan;

import java.util.Locale;

/** How serious a finding is; the names are SARIF's levels. */
public enum Severity {
    /** A call that fails now: the endpoint is past its end of life. */
    ERROR,
    /** A mention that does not run, such as documentation. */
    WARNING,
    NOTE;

    /** {@code error}, {@code warning} or {@code note}, as JSON and SARIF spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
