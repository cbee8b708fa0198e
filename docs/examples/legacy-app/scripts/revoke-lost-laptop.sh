#!/usr/bin/env bash
# Usage: revoke-lost-laptop.sh REGISTRATION_ID...
set -euo pipefail

: "${CLOUDFLARE_ACCOUNT_ID:?set CLOUDFLARE_ACCOUNT_ID}" "${CLOUDFLARE_API_TOKEN:?set CLOUDFLARE_API_TOKEN}"
ids=$(printf '%s\n' "$@" | jq -R . | jq -sc .)

curl -sS -X POST "https://api.cloudflare.com/client/v4/accounts/${CLOUDFLARE_ACCOUNT_ID}/devices/revoke" \
  -H 'Content-Type: application/json' \
  -H "Authorization: Bearer ${CLOUDFLARE_API_TOKEN}" \
  -d "$ids"
