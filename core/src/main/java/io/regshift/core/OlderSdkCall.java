package io.regshift.core;

import io.regshift.core.SdkCall.Language;
import java.util.List;
import java.util.Objects;

/**
 * How a library older than the current official SDKs calls a deprecated endpoint: code that has
 * not moved to them (cloudflare-go v0, still vendored in other projects; python-cloudflare 2.x)
 * sends the same requests through these calls. Their replacement is the current SDK's call in
 * {@link Deprecation#sdkCalls()}; the old libraries have none.
 *
 * <p>{@link #chain()} is the member names after the client object, e.g. {@code [accounts, devices,
 * revoke, post]} for {@code cf.accounts.devices.revoke.post(...)}; {@link #example()} a whole call
 * as the library's users write it.
 */
public final class OlderSdkCall {
    /** cloudflare-go before v1. */
    static final String CLOUDFLARE_GO_V0 = "cloudflare-go v0 (github.com/cloudflare/cloudflare-go before v1)";

    /** python-cloudflare 2.x. */
    static final String PYTHON_CLOUDFLARE_2 = "python-cloudflare 2.x (CloudFlare on PyPI)";

    private final Language language;
    private final String sdk;
    private final List<String> chain;
    private final String example;

    private OlderSdkCall(Language language, String sdk, String chain, String example) {
        this.language = Objects.requireNonNull(language, "language");
        this.sdk = Objects.requireNonNull(sdk, "sdk");
        this.chain = List.of(chain.split("\\."));
        this.example = Objects.requireNonNull(example, "example");
    }

    /** A cloudflare-go v0 method of its {@code API} value, e.g. {@code RevokeTeamsDevices}. */
    static OlderSdkCall cloudflareGoV0(String method, String example) {
        return new OlderSdkCall(Language.GO, CLOUDFLARE_GO_V0, method, example);
    }

    /** A python-cloudflare 2.x call, its chain written with dots, e.g. {@code accounts.devices.get}. */
    static OlderSdkCall pythonCloudflare2(String chain, String example) {
        return new OlderSdkCall(Language.PYTHON, PYTHON_CLOUDFLARE_2, chain, example);
    }

    /** The language the library is for. */
    public Language language() {
        return language;
    }

    /** The library and its versions, e.g. {@code python-cloudflare 2.x (CloudFlare on PyPI)}. */
    public String sdk() {
        return sdk;
    }

    /** e.g. {@code [accounts, devices, revoke, post]}. */
    public List<String> chain() {
        return chain;
    }

    /** The chain written with dots. */
    public String call() {
        return String.join(".", chain);
    }

    /** A whole call as written, e.g. {@code api.RevokeTeamsDevices(ctx, accountID, deviceIDs)}. */
    public String example() {
        return example;
    }

    @Override
    public String toString() {
        return sdk + ": " + example;
    }
}
