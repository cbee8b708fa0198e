package io.regshift.scan.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.SdkCall;
import org.junit.jupiter.api.Test;

/** Whether a place on a line is in a comment, for {@code regshift:ignore}. */
class SyntaxTest {
    private final Syntax typescript = Dialect.of(SdkCall.Language.TYPESCRIPT).syntax();
    private final Syntax python = Dialect.of(SdkCall.Language.PYTHON).syntax();

    private static boolean inComment(Syntax syntax, String line) {
        return syntax.inComment(line, 0, line.length(), line.indexOf('@'));
    }

    @Test
    void aLineCommentCoversTheRestOfItsLine() {
        assertThat(inComment(typescript, "f(); // @")).isTrue();
    }

    @Test
    void aCommentMarkerInsideAStringStartsNoComment() {
        assertThat(inComment(typescript, "f(\"http://h\", '@')")).isFalse();
    }

    @Test
    void aBlockCommentEndsWhereItCloses() {
        assertThat(inComment(typescript, "f(/* a */ '@')")).isFalse();
        assertThat(inComment(typescript, "f(/* @ */)")).isTrue();
    }

    @Test
    void aBlockCommentLeftOpenCoversTheRestOfItsLine() {
        assertThat(inComment(typescript, "f(); /* @")).isTrue();
    }

    @Test
    void aLineStartingWithAStarContinuesABlockComment() {
        assertThat(inComment(typescript, "   * @")).isTrue();
        assertThat(inComment(typescript, "   */ f('@')")).isFalse();
    }

    @Test
    void pythonCommentsStartWithAHashOnly() {
        assertThat(inComment(python, "f()  # @")).isTrue();
        assertThat(inComment(python, "n = a // b; f(@)")).isFalse();
        assertThat(inComment(python, "   * @")).isFalse();
    }

    @Test
    void aHashInAPythonStringStartsNoComment() {
        assertThat(inComment(python, "f('#', '@')")).isFalse();
    }

    @Test
    void anUnclosedBracketClosesNowhere() {
        assertThat(typescript.close("f(a, (b)", 1, 8)).isEqualTo(-1);
    }
}
