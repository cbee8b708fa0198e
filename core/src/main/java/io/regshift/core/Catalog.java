package io.regshift.core;

import io.regshift.core.SdkCall.Language;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

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

    private static final String DEVICES_REFERENCE =
            "https://developers.cloudflare.com/api/resources/zero_trust/subresources/devices/subresources/";

    private static final String REGISTRATIONS = "/accounts/{account_id}/devices/registrations";
    private static final String PHYSICAL_DEVICES = "/accounts/{account_id}/devices/physical-devices";

    private static final Catalog STANDARD = new Catalog(List.of(
            registrationsEntry("revoke", "Revoke"),
            registrationsEntry("unrevoke", "Unrevoke"),
            listDevicesEntry(),
            getDeviceEntry(),
            overrideCodesEntry()));

    private final List<Deprecation> deprecations;

    private Catalog(List<Deprecation> deprecations) {
        this.deprecations = List.copyOf(deprecations);
    }

    /** The catalog of every deprecation regshift knows. */
    public static Catalog standard() {
        return STANDARD;
    }

    /** Every deprecation, in a stable order: the writes, then the reads. */
    public List<Deprecation> deprecations() {
        return deprecations;
    }

    /**
     * The deprecations that change state and carry registration IDs: revoke and unrevoke. The
     * operations that the adapter, the proxy and the CLI's revoke/unrevoke commands translate.
     */
    public List<Deprecation> writes() {
        return deprecations.stream().filter(Deprecation::isWrite).collect(Collectors.toList());
    }

    /** The deprecated device reads: list devices, get a device, a device's override codes. */
    public List<Deprecation> reads() {
        return deprecations.stream().filter(d -> !d.isWrite()).collect(Collectors.toList());
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
        return deprecations.stream().map(Deprecation::id).collect(Collectors.toList());
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
                List.of(Endpoint.post(REGISTRATIONS + "/" + verb)),
                DEVICES_END_OF_LIFE,
                URI.create(DEVICES_REFERENCE + "registrations/methods/" + verb + "/"),
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
                                "id")),
                verb.equals("revoke")
                        ? List.of(
                                OlderSdkCall.cloudflareGoV0(
                                        "RevokeTeamsDevices", "api.RevokeTeamsDevices(ctx, accountID, deviceIDs)"),
                                OlderSdkCall.pythonCloudflare2(
                                        "accounts.devices.revoke.post",
                                        "cf.accounts.devices.revoke.post(account_id, data=[...])"))
                        // cloudflare-go v0 has no unrevoke method.
                        : List.of(OlderSdkCall.pythonCloudflare2(
                                "accounts.devices.unrevoke.post",
                                "cf.accounts.devices.unrevoke.post(account_id, data=[...])")));
    }

    /**
     * {@code GET /accounts/{account_id}/devices}: one page of every device. An old device is a
     * registration joined with its physical device, so the answer comes from both lists, every
     * page, revoked registrations included.
     */
    private static Deprecation listDevicesEntry() {
        return new Deprecation(
                "list-devices",
                "List devices",
                "listed",
                Endpoint.get("/accounts/{account_id}/devices"),
                List.of(Endpoint.get(REGISTRATIONS), Endpoint.get(PHYSICAL_DEVICES)),
                DEVICES_END_OF_LIFE,
                URI.create(DEVICES_REFERENCE + "registrations/methods/list/"),
                CallMapping.read(Map.of(), "device.id", CallMapping.Answer.LEGACY_DEVICE_LIST),
                List.of(
                        SdkCall.read(
                                Language.TYPESCRIPT,
                                "zeroTrust.devices.list",
                                "zeroTrust.devices.registrations.list",
                                "zeroTrust.devices.devices.list"),
                        SdkCall.read(
                                Language.PYTHON,
                                "zero_trust.devices.list",
                                "zero_trust.devices.registrations.list",
                                "zero_trust.devices.devices.list"),
                        SdkCall.read(
                                        Language.GO,
                                        "ZeroTrust.Devices.List",
                                        "ZeroTrust.Devices.Registrations.List",
                                        "ZeroTrust.Devices.Devices.List")
                                .alsoSpelled("ZeroTrust.Devices.ListAutoPaging")
                                .params("DeviceListParams", null),
                        SdkCall.read(
                                Language.JAVA,
                                "zeroTrust.devices.list",
                                "zeroTrust.devices.registrations.list",
                                "zeroTrust.devices.devices.list")),
                List.of(
                        OlderSdkCall.cloudflareGoV0("ListTeamsDevices", "api.ListTeamsDevices(ctx, accountID)"),
                        OlderSdkCall.pythonCloudflare2("accounts.devices.get", "cf.accounts.devices.get(account_id)")));
    }

    /** {@code GET /accounts/{account_id}/devices/{device_id}}: the device ID is a registration ID. */
    private static Deprecation getDeviceEntry() {
        return new Deprecation(
                "get-device",
                "Get a device",
                "read",
                Endpoint.get("/accounts/{account_id}/devices/{device_id}"),
                List.of(
                        Endpoint.get(REGISTRATIONS + "/{registration_id}"),
                        Endpoint.get(PHYSICAL_DEVICES + "/{device_id}")),
                DEVICES_END_OF_LIFE,
                URI.create(DEVICES_REFERENCE + "registrations/methods/get/"),
                CallMapping.read(Map.of("device_id", "registration_id"), "device.id", CallMapping.Answer.LEGACY_DEVICE),
                List.of(
                        SdkCall.read(
                                        Language.TYPESCRIPT,
                                        "zeroTrust.devices.get",
                                        "zeroTrust.devices.registrations.get",
                                        "zeroTrust.devices.devices.get")
                                .idArgument("deviceID", "registrationID"),
                        SdkCall.read(
                                        Language.PYTHON,
                                        "zero_trust.devices.get",
                                        "zero_trust.devices.registrations.get",
                                        "zero_trust.devices.devices.get")
                                .idArgument("device_id", "registration_id"),
                        SdkCall.read(
                                        Language.GO,
                                        "ZeroTrust.Devices.Get",
                                        "ZeroTrust.Devices.Registrations.Get",
                                        "ZeroTrust.Devices.Devices.Get")
                                .idArgument("deviceID", "registrationID")
                                .params("DeviceGetParams", null),
                        SdkCall.read(
                                        Language.JAVA,
                                        "zeroTrust.devices.get",
                                        "zeroTrust.devices.registrations.get",
                                        "zeroTrust.devices.devices.get")
                                .idArgument("deviceID", "registrationID")),
                List.of(
                        OlderSdkCall.cloudflareGoV0(
                                "GetTeamsDeviceDetails", "api.GetTeamsDeviceDetails(ctx, accountID, deviceID)"),
                        OlderSdkCall.pythonCloudflare2(
                                "accounts.devices.get", "cf.accounts.devices.get(account_id, device_id)")));
    }

    /** {@code GET /accounts/{account_id}/devices/{device_id}/override_codes}: now a registration's. */
    private static Deprecation overrideCodesEntry() {
        return new Deprecation(
                "override-codes",
                "Get a device's override codes",
                "read",
                Endpoint.get("/accounts/{account_id}/devices/{device_id}/override_codes"),
                List.of(Endpoint.get(REGISTRATIONS + "/{registration_id}/override_codes")),
                DEVICES_END_OF_LIFE,
                URI.create(DEVICES_REFERENCE + "override_codes/methods/get/"),
                CallMapping.read(Map.of("device_id", "registration_id"), null, CallMapping.Answer.OVERRIDE_CODES),
                List.of(
                        SdkCall.read(
                                        Language.TYPESCRIPT,
                                        "zeroTrust.devices.overrideCodes.list",
                                        "zeroTrust.devices.overrideCodes.get")
                                .idArgument("deviceID", "registrationID"),
                        SdkCall.read(
                                        Language.PYTHON,
                                        "zero_trust.devices.override_codes.list",
                                        "zero_trust.devices.override_codes.get")
                                .idArgument("device_id", "registration_id"),
                        SdkCall.read(
                                        Language.GO,
                                        "ZeroTrust.Devices.OverrideCodes.List",
                                        "ZeroTrust.Devices.OverrideCodes.Get")
                                .alsoSpelled("ZeroTrust.Devices.OverrideCodes.ListAutoPaging")
                                .idArgument("deviceID", "registrationID")
                                .params("DeviceOverrideCodeListParams", "DeviceOverrideCodeGetParams"),
                        SdkCall.read(
                                        Language.JAVA,
                                        "zeroTrust.devices.overrideCodes.list",
                                        "zeroTrust.devices.overrideCodes.get")
                                .idArgument("deviceID", "registrationID")),
                List.of(OlderSdkCall.pythonCloudflare2(
                        "accounts.devices.override_codes.get",
                        "cf.accounts.devices.override_codes.get(account_id, device_id)")));
    }
}
