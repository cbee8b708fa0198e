package io.regshift.scan.dialect;

import io.regshift.core.SdkCall;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Dialect} an official Cloudflare SDK is written for: how a call of the SDK is spelled,
 * found and rewritten. The catalog's {@link SdkCall} names the members and arguments; the dialect
 * knows how the language writes them.
 */
public interface SdkDialect extends Dialect {
    /** The comment and string syntax, for matching brackets across strings and comments. */
    Syntax syntax();

    /**
     * A regular expression for the deprecated call as the language writes it, from its chain's
     * first member to the call's opening parenthesis: the first member (the SDK's namespace)
     * optional, since code often keeps {@code client.zeroTrust} in a variable, and whitespace and
     * line breaks allowed around the dots.
     */
    String chainRegex(SdkCall call);

    /** Forms of the call detected besides the plain one, as a clause for the rule's description; "" if none. */
    String otherForms();

    /** The deprecated call as the rule reference shows it. */
    String example(SdkCall call);

    /** The replacement call as the rule reference shows it. */
    String replacementExample(SdkCall call);

    /**
     * The edits that pass the IDs as the replacement call takes them, for the call whose argument
     * list is the brackets {@code [open, close)}; empty if the arguments do not have the shape this
     * dialect can rewrite.
     */
    Optional<List<Edit>> rewriteIdsArgument(String text, int open, int close, SdkCall call);

    /** Why {@link #rewriteIdsArgument} found nothing to rewrite, for the person who will. */
    String notRewrittenBecause(SdkCall call);

    @Override
    default boolean inComment(CharSequence text, int lineStart, int lineEnd, int at) {
        return syntax().inComment(text, lineStart, lineEnd, at);
    }
}
