package com.acme;

/** A client from before the registrations API: it revokes devices through the deprecated endpoint. */
public final class Client {
  private static final String REVOKE = "https://api.cloudflare.com/client/v4/accounts/%s/devices/revoke";

  public String revokeUrl(String accountId) {
    return String.format(REVOKE, accountId);
  }
}
