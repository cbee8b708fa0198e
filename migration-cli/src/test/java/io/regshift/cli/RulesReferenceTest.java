package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Catalog;
import io.regshift.scan.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesReferenceTest {
    @Test
    void docsRulesMdIsWhatTheCatalogGenerates() throws IOException {
        String committed = Files.readString(Path.of("../docs/rules.md"), StandardCharsets.UTF_8);

        assertThat(committed)
                .as("docs/rules.md is out of date: run ./regshift rules --markdown > docs/rules.md")
                .isEqualTo(RulesCommand.RuleReference.markdown(RuleSet.fromCatalog(Catalog.standard())));
    }

    @Test
    void theMarkdownCommandPrintsTheSameReference() {
        assertThat(Cli.run("rules", "--markdown").out())
                .isEqualTo(RulesCommand.RuleReference.markdown(RuleSet.fromCatalog(Catalog.standard())));
    }
}
