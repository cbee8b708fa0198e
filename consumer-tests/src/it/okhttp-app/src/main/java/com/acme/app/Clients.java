package com.acme.app;

import io.regshift.adapter.LegacyRoutingInterceptor;
import okhttp3.OkHttpClient;

/** The application's one OkHttpClient, with the adapter's one line. */
public final class Clients {
    private Clients() {}

    public static OkHttpClient cloudflare() {
        return new OkHttpClient.Builder()
                .addInterceptor(LegacyRoutingInterceptor.create())
                .build();
    }
}
