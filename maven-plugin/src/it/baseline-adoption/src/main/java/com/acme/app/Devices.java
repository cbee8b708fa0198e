package com.acme.app;

import com.acme.Client;

/** Revokes devices through legacy-client 1.0, which still calls the deprecated endpoint. */
public final class Devices {
  private final Client client = new Client();

  public String revoke(String accountId) {
    return client.revokeUrl(accountId);
  }
}
