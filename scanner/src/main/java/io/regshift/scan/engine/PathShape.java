package io.regshift.scan.engine;

/**
 * Reads the text around a deprecated path's {@code devices/...}, to tell Cloudflare's account-scoped
 * path from another application's route or file of the same name.
 *
 * <p>Cloudflare's path is {@code accounts/ACCOUNT/devices/...}: the segment before {@code devices}
 * is the account, and the one before that is {@code accounts}. The account may be written in any
 * of the ways code and docs write a value into a path: {@code {account_id}}, {@code :account_id},
 * {@code %s}, {@code ${accountId}}, {@code #{account_id}}, {@code $ACCOUNT_ID}, {@code {{account}}},
 * an ID, or a string concatenation ({@code "/accounts/" + id + "/devices/revoke"}). A literal word
 * there instead ({@code api/devices/revoke}, {@code /v1/devices/revoke}) or another resource before
 * it ({@code users/%s/devices/revoke}, {@code merchant-accounts/{id}/...}) is someone else's API.
 * When the text starts at the path or at a value of unknown origin ({@code ${API}/devices/revoke}),
 * the prefix alone cannot tell, and the rest of the file has to.
 *
 * <p>Looks only at the few hundred characters before the path, so it costs nothing next to the
 * search that found it.
 */
final class PathShape {
    /** What the text before the path says about whose path it is. */
    enum Kind {
        /** {@code accounts/ACCOUNT/} precedes it: Cloudflare's account-scoped path. */
        ACCOUNT,
        /** Another literal segment or resource precedes it: not Cloudflare's path. */
        FOREIGN,
        /** The path starts its string, or follows a value whose origin the prefix does not show. */
        UNKNOWN
    }

    /** How far back the prefix is read: longer than any real URL's prefix. */
    private static final int LOOK_BACK = 256;

    /** The longest stretch between two string literals that is still read as a concatenation. */
    private static final int MAX_CONCATENATION_GAP = 120;

    private static final String ACCOUNTS = "accounts";
    private static final String CLIENT = "client";

    private PathShape() {}

    /** Reads the prefix of the path whose first segment ({@code devices}) starts at {@code start}. */
    static Kind prefix(CharSequence text, int start) {
        int floor = Math.max(0, start - LOOK_BACK);
        if (start <= floor || text.charAt(start - 1) != '/') {
            return startsItsString(text, start, floor);
        }
        int slash = start - 1;
        if (slash > floor && isQuote(text.charAt(slash - 1))) {
            return afterConcatenation(text, slash - 1, floor);
        }
        int segmentStart = segmentStart(text, slash, floor);
        if (segmentStart == slash) {
            return Kind.UNKNOWN;
        }
        boolean valueHere = isValue(text, segmentStart, slash);
        if (segmentStart > floor && text.charAt(segmentStart - 1) == '/') {
            int previousEnd = segmentStart - 1;
            int previousStart = segmentStart(text, previousEnd, floor);
            if (isAccounts(text, previousStart, previousEnd)) {
                return accountsPrefix(text, previousStart, floor);
            }
            if (!valueHere) {
                return Kind.FOREIGN;
            }
            if (previousStart == previousEnd) {
                // "/%s/devices": the string starts there, or a value is appended in front of it.
                return Kind.UNKNOWN;
            }
            return isValue(text, previousStart, previousEnd) ? Kind.UNKNOWN : Kind.FOREIGN;
        }
        return valueHere ? Kind.UNKNOWN : Kind.FOREIGN;
    }

    /**
     * Reads the prefix of a path written as an array of segments, {@code "devices", "revoke"]} with
     * {@code "devices"} at {@code start}, as Postman collections write it: Cloudflare's when {@code
     * "accounts", ACCOUNT,} precede it.
     */
    static Kind segmentsPrefix(CharSequence text, int start) {
        int floor = Math.max(0, start - LOOK_BACK);
        int i = skipSpaceBack(text, start - 1, floor);
        if (i < floor || text.charAt(i) != ',') {
            return Kind.UNKNOWN;
        }
        i = skipSpaceBack(text, i - 1, floor);
        if (i < floor || text.charAt(i) != '"') {
            return Kind.UNKNOWN;
        }
        int open = i - 1;
        while (open >= floor && text.charAt(open) != '"' && text.charAt(open) != '\n') {
            open--;
        }
        if (open < floor || text.charAt(open) != '"') {
            return Kind.UNKNOWN;
        }
        i = skipSpaceBack(text, open - 1, floor);
        if (i < floor || text.charAt(i) != ',') {
            return Kind.UNKNOWN;
        }
        i = skipSpaceBack(text, i - 1, floor);
        int accounts = i - ACCOUNTS.length() - 1;
        return i >= floor
                        && text.charAt(i) == '"'
                        && accounts >= floor
                        && text.charAt(accounts) == '"'
                        && regionEquals(text, accounts + 1, ACCOUNTS)
                ? Kind.ACCOUNT
                : Kind.UNKNOWN;
    }

    /**
     * A path with no slash before it: {@code 'devices/revoke'}. Still Cloudflare's when an argument
     * list builds the path from parts, {@code add('AUTH', 'accounts', 'devices/revoke')}, as the
     * python-cloudflare 2.x SDK registers its endpoints.
     */
    private static Kind startsItsString(CharSequence text, int start, int floor) {
        if (start <= floor || !isQuote(text.charAt(start - 1))) {
            return Kind.UNKNOWN;
        }
        int i = skipSpaceBack(text, start - 2, floor);
        if (i < floor || text.charAt(i) != ',') {
            return Kind.UNKNOWN;
        }
        i = skipSpaceBack(text, i - 1, floor);
        if (i < floor || !isQuote(text.charAt(i))) {
            return Kind.UNKNOWN;
        }
        int open = i - ACCOUNTS.length() - 1;
        return open >= floor && text.charAt(open) == text.charAt(i) && regionEquals(text, open + 1, ACCOUNTS)
                ? Kind.ACCOUNT
                : Kind.UNKNOWN;
    }

    /** {@code "/devices/..."} opened by the quote at {@code quote}: what it is appended to decides. */
    private static Kind afterConcatenation(CharSequence text, int quote, int floor) {
        int previousClose = -1;
        int limit = Math.max(floor, quote - MAX_CONCATENATION_GAP);
        for (int i = quote - 1; i >= limit; i--) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                previousClose = i;
                break;
            }
            if (c == ';' || c == ',' || c == '{' || c == '}' || c == '=') {
                return Kind.UNKNOWN;
            }
        }
        if (previousClose < 0 || !isConcatenation(text, previousClose + 1, quote)) {
            return Kind.UNKNOWN;
        }
        int literalEnd = previousClose;
        if (literalEnd <= floor || text.charAt(literalEnd - 1) != '/') {
            return Kind.UNKNOWN;
        }
        int segmentStart = segmentStart(text, literalEnd - 1, floor);
        if (isAccounts(text, segmentStart, literalEnd - 1)) {
            return accountsPrefix(text, segmentStart, floor);
        }
        return segmentStart == literalEnd - 1 || isValue(text, segmentStart, literalEnd - 1)
                ? Kind.UNKNOWN
                : Kind.FOREIGN;
    }

    /**
     * {@code accounts} at {@code start} is Cloudflare's when it starts the path or follows the API's
     * base: {@code /client/v4}, or a value such as {@code $API} or {@code {{baseUrl}}}. After another
     * literal segment ({@code /platforms/steam/accounts/...}) it is another API's resource.
     */
    private static Kind accountsPrefix(CharSequence text, int start, int floor) {
        if (start <= floor || text.charAt(start - 1) != '/') {
            return Kind.ACCOUNT;
        }
        int before = segmentStart(text, start - 1, floor);
        if (before == start - 1 || isValue(text, before, start - 1)) {
            return Kind.ACCOUNT;
        }
        boolean v4 = start - 1 - before == 2 && regionEquals(text, before, "v4");
        if (v4 && before > floor && text.charAt(before - 1) == '/') {
            int client = segmentStart(text, before - 1, floor);
            if (before - 1 - client == CLIENT.length() && regionEquals(text, client, CLIENT)) {
                return Kind.ACCOUNT;
            }
        }
        return isHost(text, before, start - 1) ? Kind.ACCOUNT : Kind.FOREIGN;
    }

    /**
     * Whether the path that ends at {@code end} ends there, as an endpoint's path does: not at a
     * deeper path ({@code devices/revoke/fulfilled}) nor a file name ({@code devices/revoke.ts}).
     * A full stop ending a sentence is not a file name.
     */
    static boolean endsAt(CharSequence text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        if (c == '/') {
            return end + 1 >= text.length() || !isSegmentChar(text.charAt(end + 1));
        }
        if (c == '.') {
            return end + 1 >= text.length() || !Character.isLetter(text.charAt(end + 1));
        }
        return true;
    }

    /**
     * Whether the segment is a URL's host ({@code //api.cloudflare.com/accounts/...}, a gateway's or
     * a local mock's {@code //localhost:8080/accounts/...}): the account path at the root of a host
     * is Cloudflare's path, wherever it is served.
     */
    private static boolean isHost(CharSequence text, int from, int to) {
        return from >= 2 && to > from && text.charAt(from - 1) == '/' && text.charAt(from - 2) == '/';
    }

    /**
     * Whether the text between two literals joins them: an operator at each end ({@code +}, {@code
     * .}, {@code ..}, {@code <>}, {@code ~}, {@code &}, {@code ||}) around a value.
     */
    private static boolean isConcatenation(CharSequence text, int from, int to) {
        String gap = text.subSequence(from, to).toString().strip();
        if (gap.length() < 3) {
            return false;
        }
        return isOperator(gap.charAt(0))
                && isOperator(gap.charAt(gap.length() - 1))
                && gap.chars().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean isOperator(char c) {
        return c == '+' || c == '.' || c == '<' || c == '>' || c == '~' || c == '&' || c == '|';
    }

    /**
     * The start of the path segment that ends at {@code end}: back to the slash, quote, space or
     * bracket before it, reading a braced value ({@code ${{ secrets.ACCOUNT }}}) whole.
     */
    static int segmentStart(CharSequence text, int end, int floor) {
        int depth = 0;
        int i = end - 1;
        for (; i >= floor; i--) {
            char c = text.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth > 0) {
                depth--;
            } else if (depth > 0) {
                if (c == '\n') {
                    break;
                }
            } else if (!isSegmentChar(c)) {
                break;
            }
        }
        return i + 1;
    }

    private static boolean isSegmentChar(char c) {
        if (c == '\u0001') {
            // A value in a compiled string concatenation's recipe (javac's and kotlinc's indy form).
            return true;
        }
        return c > ' '
                && c < 0x7f
                && c != '/'
                && !isQuote(c)
                && c != '('
                && c != ')'
                && c != '['
                && c != ']'
                && c != ','
                && c != ';'
                && c != '='
                && c != '\\';
    }

    /**
     * Whether the segment {@code [from, to)} is a value written into the path rather than a literal
     * name: a placeholder or an ID.
     */
    static boolean isValue(CharSequence text, int from, int to) {
        String segment = text.subSequence(from, to).toString();
        if (segment.isEmpty()) {
            return false;
        }
        char first = segment.charAt(0);
        if (segment.indexOf('{') >= 0
                || segment.indexOf('%') >= 0
                || segment.indexOf('\u0001') >= 0
                || first == ':'
                || first == '$'
                || first == '<'
                || first == '@'
                || first == '*'
                || segment.startsWith("...")
                || segment.startsWith("\u2026")) {
            return true;
        }
        return segment.length() >= 16 && segment.chars().allMatch(c -> isHexDigit(c) || c == '-');
    }

    private static boolean isAccounts(CharSequence text, int from, int to) {
        return to - from == ACCOUNTS.length() && regionEquals(text, from, ACCOUNTS);
    }

    private static boolean regionEquals(CharSequence text, int from, String word) {
        if (from < 0 || from + word.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text.charAt(from + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpaceBack(CharSequence text, int i, int floor) {
        while (i >= floor && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }
}
