package io.regshift.cli;

import picocli.CommandLine.Command;

/** {@code regshift unrevoke}. */
@Command(
        name = "unrevoke",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Unrevokes device registrations through POST /accounts/{account_id}/devices/registrations/unrevoke,"
                    + " batched and retried, and prints each ID's outcome.",
            RegistrationsCommand.CREDENTIALS_HELP,
            "",
            "Exit codes: 0 all unrevoked, 1 some failed (listed), 2 usage or auth errors."
        })
final class UnrevokeCommand extends RegistrationsCommand {
    @Override
    String operation() {
        return "unrevoke";
    }
}
