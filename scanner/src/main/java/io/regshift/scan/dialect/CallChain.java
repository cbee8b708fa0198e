package io.regshift.scan.dialect;

import java.util.List;
import java.util.regex.Pattern;

/** The regular expression of an SDK's call chain, from the pieces in which languages differ. */
final class CallChain {
    private CallChain() {}

    /**
     * @param separator between two members, e.g. a dot with optional whitespace
     * @param afterMember after each member but the last, e.g. Java's {@code ()}
     * @param beforeLast an optional member before the last, e.g. Python's {@code with_raw_response.}
     */
    static String regex(List<String> chain, String separator, String afterMember, String beforeLast) {
        StringBuilder regex = new StringBuilder("(?<![A-Za-z0-9_$])(?:");
        regex.append(Pattern.quote(chain.get(0)))
                .append(afterMember)
                .append(separator)
                .append(")?");
        for (int i = 1; i < chain.size(); i++) {
            boolean last = i == chain.size() - 1;
            if (last) {
                regex.append(beforeLast).append(Pattern.quote(chain.get(i))).append("\\s*\\(");
            } else {
                regex.append(Pattern.quote(chain.get(i))).append(afterMember).append(separator);
            }
        }
        return regex.toString();
    }
}
