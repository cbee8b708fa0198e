"""Nightly job: revoke WARP registrations not seen for 90 days."""
import os
from datetime import datetime, timedelta, timezone

from cloudflare import Cloudflare

client = Cloudflare(api_token=os.environ["CLOUDFLARE_API_TOKEN"])
ACCOUNT_ID = os.environ["CLOUDFLARE_ACCOUNT_ID"]


def stale_registration_ids() -> list[str]:
    cutoff = datetime.now(timezone.utc) - timedelta(days=90)
    registrations = client.zero_trust.devices.registrations.list(account_id=ACCOUNT_ID)
    return [r.id for r in registrations if datetime.fromisoformat(r.last_seen_at) < cutoff]


def main() -> None:
    ids = stale_registration_ids()
    for start in range(0, len(ids), 200):
        client.zero_trust.devices.revoke.create(account_id=ACCOUNT_ID, body=ids[start:start + 200])
    # A stolen laptop: revoke every registration of that physical device. Not deprecated, not flagged.
    if stolen := os.environ.get("STOLEN_DEVICE_ID"):
        client.zero_trust.devices.devices.revoke(stolen, account_id=ACCOUNT_ID)


if __name__ == "__main__":
    main()
