package io.regshift.scan;

import java.util.Locale;

/**
 * Why a finding is a claim about Cloudflare's API and not another application's route of the same
 * name. Reports carry it (JSON {@code evidence}, SARIF {@code properties.evidence}) so a reviewer
 * sees what the claim rests on.
 */
public enum Evidence {
    /** The path has the account segment before it: {@code /accounts/{account_id}/devices/revoke}. */
    ACCOUNT_SEGMENT,
    /** The same line names Cloudflare's API host: {@code api.cloudflare.com} or {@code /client/v4}. */
    CLOUDFLARE_HOST,
    /** A call of an official SDK's deprecated method: {@code client.zeroTrust.devices.revoke.create(}. */
    SDK_CHAIN,
    /**
     * The file talks to Cloudflare's API elsewhere: its host, a Cloudflare SDK import, {@code
     * CLOUDFLARE_*} variables. Makes a path that starts its string a finding.
     */
    FILE_CONTEXT;

    /** {@code account-segment}, {@code cloudflare-host}, {@code sdk-chain} or {@code file-context}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
