package io.regshift.scan.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDialectTest {
    @Test
    void everyOtherFileIsTextOfNoLanguage() {
        for (String path : new String[] {"ci.yml", "app.json", "run.sh", "Makefile", "lib/a.jar!/A.class", ".env"}) {
            assertThat(Dialect.of(path)).as(path).isSameAs(TextDialect.OTHER);
            assertThat(Dialect.of(path).language()).as(path).isEmpty();
        }
    }

    @Test
    void proseIsDocumentation() {
        assertThat(Dialect.of("docs/guide.md").documentation()).isTrue();
        assertThat(Dialect.of("README.rst").documentation()).isTrue();
        assertThat(Dialect.of("ci.yml").documentation()).isFalse();
    }

    @Test
    void anyUsualCommentStartBeforeTheMarkerMakesAComment() {
        for (String line : new String[] {
            "# regshift:ignore",
            "; regshift:ignore",
            "' regshift:ignore",
            "REM regshift:ignore",
            "% regshift:ignore",
            "-- regshift:ignore",
            "<!-- regshift:ignore -->"
        }) {
            assertThat(TextDialect.OTHER.inComment(line, 0, line.length(), line.indexOf("regshift")))
                    .as(line)
                    .isTrue();
        }
    }

    @Test
    void aMarkerWithNoCommentStartBeforeItIsNotAComment() {
        String line = "revoke_url: /devices/revoke?regshift:ignore";

        assertThat(TextDialect.OTHER.inComment(line, 0, line.length(), line.indexOf("regshift")))
                .isFalse();
    }
}
