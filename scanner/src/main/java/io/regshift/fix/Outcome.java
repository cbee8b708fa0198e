package io.regshift.fix;

import io.regshift.scan.Finding;
import io.regshift.scan.dialect.Edit;
import java.util.List;

/** What the fixer did with one finding: rewrote it with these edits, or left it with a reason. */
public record Outcome(Finding finding, List<Edit> edits, String reason, String manualStep) {
    static Outcome fixed(Finding finding, List<Edit> edits) {
        return new Outcome(finding, List.copyOf(edits), null, null);
    }

    static Outcome notFixable(Finding finding, String reason, String manualStep) {
        return new Outcome(finding, List.of(), reason, manualStep);
    }

    public boolean isFixed() {
        return reason == null;
    }
}
