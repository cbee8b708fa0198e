package io.regshift.core;

import io.regshift.core.SdkCall.Language;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The deprecated Cloudflare endpoints regshift migrates, written as data. The adapter, the proxy,
 * the scanner's rules, the fixer and the rule reference all derive from this one list, so adding an
 * endpoint is an entry here, not a new code path.
 *
 * <p>The facts come from Cloudflare's API reference and deprecation log.
 */
public final class Catalog {
    /** Cloudflare's API deprecation log, where each of these endpoints is announced. */
    public static final URI DEPRECATION_LOG =
            URI.create("https://developers.cloudflare.com/fundamentals/api/reference/deprecations/");

    /** The default base URL of Cloudflare's API. */
    public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

    private static final LocalDate DEVICES_END_OF_LIFE = LocalDate.of(2025, 11, 11);
    private static final int LEGACY_MAX_IDS = 200;

    private static final Catalog STANDARD =
            new Catalog(List.of(registrationsEntry("revoke", "Revoke"), registrationsEntry("unrevoke", "Unrevoke")));

    private final List<Deprecation> deprecations;

    private Catalog(List<Deprecation> deprecations) {
        this.deprecations = List.copyOf(deprecations);
    }

    /** The catalog of every deprecation regshift knows. */
    public static Catalog standard() {
        return STANDARD;
    }

    /** Every deprecation, in a stable order. */
    public List<Deprecation> deprecations() {
        return deprecations;
    }

    /** The deprecation with this {@link Deprecation#id() id}, if there is one. */
    public Optional<Deprecation> find(String id) {
        return deprecations.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The deprecation with this id, or an exception naming the ids there are. */
    public Deprecation require(String id) {
        return find(id).orElseThrow(() ->
                new NoSuchElementException("no deprecation '" + id + "' in the catalog; known: " + ids()));
    }

    private List<String> ids() {
        return deprecations.stream().map(Deprecation::id).collect(java.util.stream.Collectors.toList());
    }

    /**
     * Revoke and unrevoke have the same shape; only the verb differs. {@code verb} is the path's
     * last segment, {@code Verb} its capitalised form as Go spells it.
     */
    private static Deprecation registrationsEntry(String verb, String capitalised) {
        return new Deprecation(
                verb,
                capitalised + " devices",
                verb + "d",
                Endpoint.post("/accounts/{account_id}/devices/" + verb),
                Endpoint.post("/accounts/{account_id}/devices/registrations/" + verb),
                DEVICES_END_OF_LIFE,
                URI.create("https://developers.cloudflare.com/api/resources/zero_trust/subresources/devices/"
                        + "subresources/registrations/methods/"
                        + verb
                        + "/"),
                CallMapping.bodyArrayToRepeatedQuery("id", LEGACY_MAX_IDS),
                List.of(
                        SdkCall.of(
                                Language.TYPESCRIPT,
                                "zeroTrust.devices." + verb + ".create",
                                "zeroTrust.devices.registrations." + verb,
                                "body",
                                "id"),
                        SdkCall.of(
                                Language.PYTHON,
                                "zero_trust.devices." + verb + ".create",
                                "zero_trust.devices.registrations." + verb,
                                "body",
                                "id"),
                        SdkCall.withParams(
                                Language.GO,
                                "ZeroTrust.Devices." + capitalised + ".New",
                                "ZeroTrust.Devices.Registrations." + capitalised,
                                "Body",
                                "ID",
                                "Device" + capitalised + "NewParams",
                                "DeviceRegistration" + capitalised + "Params"),
                        SdkCall.of(
                                Language.JAVA,
                                "zeroTrust.devices." + verb + ".create",
                                "zeroTrust.devices.registrations." + verb,
                                "body",
                                "id")));
    }
}
