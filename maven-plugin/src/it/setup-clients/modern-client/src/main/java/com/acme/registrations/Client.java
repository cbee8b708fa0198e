package com.acme.registrations;

/** A client that revokes registrations through the replacement endpoint. */
public final class Client {
  private static final String REVOKE =
      "https://api.cloudflare.com/client/v4/accounts/%s/devices/registrations/revoke?id=%s";

  public String revokeUrl(String accountId, String registrationId) {
    return String.format(REVOKE, accountId, registrationId);
  }
}
