import Cloudflare from "cloudflare";

const client = new Cloudflare({ apiToken: process.env.CLOUDFLARE_API_TOKEN });
const accountId = process.env.CLOUDFLARE_ACCOUNT_ID!;

/** Called by the HR system when someone leaves: cut off every laptop they used. */
export async function offboard(registrationIds: string[]): Promise<void> {
  await client.zeroTrust.devices.revoke.create({ account_id: accountId, body: registrationIds });
}

/** Undo a mistaken offboarding. */
export async function reinstate(registrationIds: string[]): Promise<void> {
  await client.zeroTrust.devices.unrevoke.create({
    account_id: accountId,
    body: registrationIds,
  });
}

/** Already migrated: the replacement takes the IDs as query parameters. Not flagged. */
export async function offboardV2(registrationIds: string[]): Promise<void> {
  await client.zeroTrust.devices.registrations.revoke({ account_id: accountId, id: registrationIds });
}
