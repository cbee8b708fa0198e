package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Catalog;
import io.regshift.core.Deprecation;
import org.junit.jupiter.api.Test;

/** Every operation of the catalog is a command, named and described from its catalog entry. */
class CatalogOperationsTest {

    @Test
    void everyCatalogOperationIsACommandNamedByItsId() {
        Cli help = Cli.run("--help");

        for (Deprecation operation : Catalog.standard().writes()) {
            Cli cli = Cli.run(operation.id(), "--help");

            assertThat(cli.exit()).as(operation.id()).isZero();
            assertThat(cli.out()).startsWith("Usage: regshift " + operation.id() + " ");
            assertThat(help.out()).contains("\n  " + operation.id() + " ");
        }
    }

    @Test
    void eachCommandsHelpNamesItsReplacementEndpointAndPastTense() {
        for (Deprecation operation : Catalog.standard().writes()) {
            String help = Cli.run(operation.id(), "--help").out().replaceAll("\\s+", "");

            assertThat(help)
                    .as(operation.id())
                    .contains(operation.replacement().toString().replaceAll("\\s+", ""))
                    .contains("Exitcodes:0all" + operation.pastTense() + "1somefailed(listed)2usageorautherrors")
                    .contains("ID<TAB>" + operation.pastTense() + ",orID<TAB>failed")
                    .contains("neverfromaflag");
        }
    }

    @Test
    void eachCommandHasItsVersion() {
        for (Deprecation operation : Catalog.standard().writes()) {
            assertThat(Cli.run(operation.id(), "--version").out()).startsWith("regshift 0.1.0");
        }
    }
}
