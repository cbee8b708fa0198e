package io.regshift.core;

import com.squareup.moshi.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A registration's one-time admin override codes, as {@code GET
 * /accounts/{account_id}/devices/registrations/{registration_id}/override_codes} returns them:
 * {@code {"disable_for_time": {"<duration>": "<code>", ...}}}. They exist only when the Admin
 * Override setting is on in the device configuration.
 *
 * <p>Read it from JSON with {@code CloudflareJson.moshi().adapter(OverrideCodes.class)}.
 */
public final class OverrideCodes {
    @Json(name = "disable_for_time")
    private Map<String, String> disableForTime;

    private OverrideCodes() {}

    /**
     * {@code disable_for_time}: for how long a code turns WARP off, as the API keys it, to the
     * code, in the response's order (so output made from it is the same on every run); empty when
     * the response has none. The keys are passed on as sent, not interpreted.
     */
    public Map<String, String> disableForTime() {
        return disableForTime == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(disableForTime));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OverrideCodes && disableForTime().equals(((OverrideCodes) o).disableForTime());
    }

    @Override
    public int hashCode() {
        return Objects.hash(disableForTime());
    }

    /** Names the durations only: the codes turn WARP off and stay out of logs. */
    @Override
    public String toString() {
        return "OverrideCodes{for " + new TreeMap<>(disableForTime()).keySet() + "}";
    }
}
