package com.acme.app;

import com.acme.registrations.Client;

/** Revokes a device's registration through the replacement endpoint. */
public final class Devices {
  private final Client client = new Client();

  public String revoke(String accountId, String registrationId) {
    return client.revokeUrl(accountId, registrationId);
  }
}
