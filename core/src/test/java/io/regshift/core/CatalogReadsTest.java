package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.core.SdkCall.Language;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import retrofit2.http.GET;

/** The catalog's entries for the three deprecated device GETs. */
class CatalogReadsTest {
    private final Catalog catalog = Catalog.standard();

    @Test
    void listDevicesIsReplacedByTheRegistrationsAndPhysicalDevicesListsOfDevicesApi() throws Exception {
        Deprecation list = catalog.require("list-devices");

        assertThat(list.deprecated()).hasToString("GET /accounts/{account_id}/devices");
        assertThat(list.replacements())
                .extracting(Endpoint::toString)
                .containsExactly("GET /" + DevicesApi.REGISTRATIONS, "GET /" + DevicesApi.PHYSICAL_DEVICES);
        assertThat(getPath("listRegistrations"))
                .isEqualTo(template(list.replacements().get(0)));
        assertThat(getPath("listPhysicalDevices"))
                .isEqualTo(template(list.replacements().get(1)));
    }

    @Test
    void getDeviceIsReplacedByTheRegistrationAndPhysicalDeviceGetsOfDevicesApi() throws Exception {
        Deprecation get = catalog.require("get-device");

        assertThat(get.deprecated()).hasToString("GET /accounts/{account_id}/devices/{device_id}");
        assertThat(get.replacement()).hasToString("GET /" + DevicesApi.REGISTRATION);
        assertThat(getPath("getRegistration"))
                .isEqualTo(template(get.replacements().get(0)));
        assertThat(getPath("getPhysicalDevice"))
                .isEqualTo(template(get.replacements().get(1)));
    }

    @Test
    void overrideCodesAreReplacedByTheRegistrationsOverrideCodesOfDevicesApi() throws Exception {
        Deprecation codes = catalog.require("override-codes");

        assertThat(codes.deprecated()).hasToString("GET /accounts/{account_id}/devices/{device_id}/override_codes");
        assertThat(codes.replacements()).hasSize(1);
        assertThat(getPath("getOverrideCodes")).isEqualTo(template(codes.replacement()));
    }

    @Test
    void theOldDeviceIdBecomesTheRegistrationIdOfTheReplacement() {
        for (String id : List.of("get-device", "override-codes")) {
            Deprecation d = catalog.require(id);

            assertThat(d.mapping().pathParameters()).as(id).containsExactly(Map.entry("device_id", "registration_id"));
            assertThat(d.deprecated().parameters()).as(id).containsExactly("account_id", "device_id");
            assertThat(d.replacement().parameters()).as(id).containsExactly("account_id", "registration_id");
            assertThat(d.mapping().describe()).as(id).contains("`device_id` becomes `registration_id`");
        }
        assertThat(catalog.require("list-devices").mapping().pathParameters()).isEmpty();
    }

    @Test
    void oldDevicesAreRegistrationsJoinedWithThePhysicalDeviceNamedByDeviceId() {
        CallMapping list = catalog.require("list-devices").mapping();
        CallMapping get = catalog.require("get-device").mapping();
        CallMapping codes = catalog.require("override-codes").mapping();

        assertThat(list.joinKey()).hasValue("device.id");
        assertThat(list.answer()).isEqualTo(CallMapping.Answer.LEGACY_DEVICE_LIST);
        assertThat(list.describe()).contains("all pages followed, revoked ones included");
        assertThat(get.joinKey()).hasValue("device.id");
        assertThat(get.answer()).isEqualTo(CallMapping.Answer.LEGACY_DEVICE);
        assertThat(codes.joinKey()).isEmpty();
        assertThat(codes.answer()).isEqualTo(CallMapping.Answer.OVERRIDE_CODES);
    }

    @Test
    void aReadCarriesNoIdsAndSaysSoWhenAskedForItsIdLimit() {
        CallMapping read = catalog.require("list-devices").mapping();

        assertThat(read.carriesIds()).isFalse();
        assertThat(catalog.require("revoke").mapping().carriesIds()).isTrue();
        assertThatThrownBy(read::legacyMaxIds)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("this is a read");
        assertThatThrownBy(read::queryParameter).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyReadHasOneCallPerLanguage() {
        for (Deprecation d : catalog.reads()) {
            assertThat(d.sdkCalls())
                    .as(d.id())
                    .extracting(SdkCall::language)
                    .containsExactly(Language.TYPESCRIPT, Language.PYTHON, Language.GO, Language.JAVA);
        }
    }

    @Test
    void listCallsAreSpelledAsTheSdksSpellThem() {
        assertThat(spellings("list-devices"))
                .containsExactly(
                        "TypeScript/JavaScript: zeroTrust.devices.list -> zeroTrust.devices.registrations.list + zeroTrust.devices.devices.list",
                        "Python: zero_trust.devices.list -> zero_trust.devices.registrations.list + zero_trust.devices.devices.list",
                        "Go: ZeroTrust.Devices.List / ZeroTrust.Devices.ListAutoPaging -> ZeroTrust.Devices.Registrations.List + ZeroTrust.Devices.Devices.List",
                        "Java/Kotlin: zeroTrust.devices.list -> zeroTrust.devices.registrations.list + zeroTrust.devices.devices.list");
        SdkCall go = call("list-devices", Language.GO);
        assertThat(go.deprecatedParamsType()).hasValue("DeviceListParams");
        assertThat(go.replacementParamsType()).isEmpty();
        assertThat(go.hasIdsArgument()).isFalse();
        assertThatThrownBy(go::deprecatedIdsArgument)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZeroTrust.Devices.List in Go takes no IDs");
    }

    @Test
    void getCallsAreSpelledAsTheSdksSpellThemWithTheDeviceIdRenamed() {
        assertThat(spellings("get-device"))
                .containsExactly(
                        "TypeScript/JavaScript: zeroTrust.devices.get -> zeroTrust.devices.registrations.get + zeroTrust.devices.devices.get",
                        "Python: zero_trust.devices.get -> zero_trust.devices.registrations.get + zero_trust.devices.devices.get",
                        "Go: ZeroTrust.Devices.Get -> ZeroTrust.Devices.Registrations.Get + ZeroTrust.Devices.Devices.Get",
                        "Java/Kotlin: zeroTrust.devices.get -> zeroTrust.devices.registrations.get + zeroTrust.devices.devices.get");
        assertThat(call("get-device", Language.PYTHON).deprecatedIdsArgument()).isEqualTo("device_id");
        assertThat(call("get-device", Language.PYTHON).replacementIdsArgument()).isEqualTo("registration_id");
        assertThat(call("get-device", Language.GO).deprecatedParamsType()).hasValue("DeviceGetParams");
        assertThat(call("get-device", Language.TYPESCRIPT).replacementIdsArgument())
                .isEqualTo("registrationID");
    }

    @Test
    void overrideCodeCallsMoveFromListToGet() {
        assertThat(spellings("override-codes"))
                .containsExactly(
                        "TypeScript/JavaScript: zeroTrust.devices.overrideCodes.list -> zeroTrust.devices.overrideCodes.get",
                        "Python: zero_trust.devices.override_codes.list -> zero_trust.devices.override_codes.get",
                        "Go: ZeroTrust.Devices.OverrideCodes.List / ZeroTrust.Devices.OverrideCodes.ListAutoPaging -> ZeroTrust.Devices.OverrideCodes.Get",
                        "Java/Kotlin: zeroTrust.devices.overrideCodes.list -> zeroTrust.devices.overrideCodes.get");
        SdkCall go = call("override-codes", Language.GO);
        assertThat(go.deprecatedParamsType()).hasValue("DeviceOverrideCodeListParams");
        assertThat(go.replacementParamsType()).hasValue("DeviceOverrideCodeGetParams");
        assertThat(go.deprecatedVariants())
                .containsExactly(List.of("ZeroTrust", "Devices", "OverrideCodes", "ListAutoPaging"));
    }

    @Test
    void olderSdksCallsAreNamedForEveryEntryTheyHad() {
        assertThat(older("list-devices"))
                .containsExactly(
                        "cloudflare-go v0 (github.com/cloudflare/cloudflare-go before v1): api.ListTeamsDevices(ctx, accountID)",
                        "python-cloudflare 2.x (CloudFlare on PyPI): cf.accounts.devices.get(account_id)");
        assertThat(older("get-device"))
                .containsExactly(
                        "cloudflare-go v0 (github.com/cloudflare/cloudflare-go before v1): api.GetTeamsDeviceDetails(ctx, accountID, deviceID)",
                        "python-cloudflare 2.x (CloudFlare on PyPI): cf.accounts.devices.get(account_id, device_id)");
        assertThat(older("override-codes"))
                .containsExactly(
                        "python-cloudflare 2.x (CloudFlare on PyPI): cf.accounts.devices.override_codes.get(account_id, device_id)");
        assertThat(older("revoke"))
                .containsExactly(
                        "cloudflare-go v0 (github.com/cloudflare/cloudflare-go before v1): api.RevokeTeamsDevices(ctx, accountID, deviceIDs)",
                        "python-cloudflare 2.x (CloudFlare on PyPI): cf.accounts.devices.revoke.post(account_id, data=[...])");
        assertThat(older("unrevoke"))
                .containsExactly(
                        "python-cloudflare 2.x (CloudFlare on PyPI): cf.accounts.devices.unrevoke.post(account_id, data=[...])");
        assertThat(catalog.require("revoke").olderSdkCalls().get(0).chain()).containsExactly("RevokeTeamsDevices");
        assertThat(catalog.require("revoke").olderSdkCalls().get(1).chain())
                .containsExactly("accounts", "devices", "revoke", "post");
    }

    @Test
    void aGetTemplateRecognisesAConcretePathAndNamesEachValue() {
        Endpoint old = catalog.require("get-device").deprecated();
        List<String> path = List.of("client", "v4", "accounts", "acc", "devices", "reg-1");

        assertThat(old.match(path, 2)).hasValue(Map.of("account_id", "acc", "device_id", "reg-1"));
        assertThat(old.matchAccountId(path, 2)).hasValue("acc");
        assertThat(old.match(List.of("accounts", "acc", "devices", ""), 0)).isEmpty();
        assertThat(old.match(List.of("accounts", "acc", "devices"), 0)).isEmpty();
        assertThat(catalog.require("list-devices").deprecated().match(List.of("accounts", "acc", "devices"), 0))
                .hasValue(Map.of("account_id", "acc"));
    }

    private List<String> spellings(String id) {
        return catalog.require(id).sdkCalls().stream().map(SdkCall::toString).collect(Collectors.toList());
    }

    private SdkCall call(String id, Language language) {
        return catalog.require(id).sdkCalls().stream()
                .filter(c -> c.language() == language)
                .findFirst()
                .orElseThrow();
    }

    private List<String> older(String id) {
        return catalog.require(id).olderSdkCalls().stream()
                .map(OlderSdkCall::toString)
                .collect(Collectors.toList());
    }

    private static String template(Endpoint endpoint) {
        return endpoint.pathTemplate().substring(1);
    }

    private static String getPath(String method) {
        Method m = Arrays.stream(DevicesApi.class.getMethods())
                .filter(candidate -> candidate.getName().equals(method))
                .findFirst()
                .orElseThrow();
        return m.getAnnotation(GET.class).value();
    }
}
