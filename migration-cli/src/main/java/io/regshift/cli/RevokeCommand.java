package io.regshift.cli;

import picocli.CommandLine.Command;

/** {@code regshift revoke}. */
@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Revokes device registrations through POST /accounts/{account_id}/devices/registrations/revoke,"
                    + " batched and retried, and prints each ID's outcome.",
            RegistrationsCommand.CREDENTIALS_HELP,
            "",
            "Exit codes: 0 all revoked, 1 some failed (listed), 2 usage or auth errors."
        })
final class RevokeCommand extends RegistrationsCommand {
    @Override
    String operation() {
        return "revoke";
    }
}
