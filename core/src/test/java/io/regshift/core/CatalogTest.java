package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.core.SdkCall.Language;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import retrofit2.http.POST;

class CatalogTest {
    private final Catalog catalog = Catalog.standard();

    @Test
    void listsTheWholeFamilyWithTheirReplacements() {
        assertThat(catalog.deprecations())
                .extracting(Deprecation::toString)
                .containsExactly(
                        "POST /accounts/{account_id}/devices/revoke -> POST /accounts/{account_id}/devices/registrations/revoke (end of life 2025-11-11)",
                        "POST /accounts/{account_id}/devices/unrevoke -> POST /accounts/{account_id}/devices/registrations/unrevoke (end of life 2025-11-11)",
                        "GET /accounts/{account_id}/devices -> GET /accounts/{account_id}/devices/registrations + GET /accounts/{account_id}/devices/physical-devices (end of life 2025-11-11)",
                        "GET /accounts/{account_id}/devices/{device_id} -> GET /accounts/{account_id}/devices/registrations/{registration_id} + GET /accounts/{account_id}/devices/physical-devices/{device_id} (end of life 2025-11-11)",
                        "GET /accounts/{account_id}/devices/{device_id}/override_codes -> GET /accounts/{account_id}/devices/registrations/{registration_id}/override_codes (end of life 2025-11-11)");
    }

    @Test
    void theWritesAreRevokeAndUnrevokeAndTheReadsTheThreeGets() {
        assertThat(catalog.writes()).extracting(Deprecation::id).containsExactly("revoke", "unrevoke");
        assertThat(catalog.reads())
                .extracting(Deprecation::id)
                .containsExactly("list-devices", "get-device", "override-codes");
        assertThat(catalog.reads())
                .allSatisfy(d -> assertThat(d.deprecated().method()).isEqualTo("GET"));
    }

    @Test
    void everyEntryEndedOnTheEleventhOfNovember2025() {
        for (Deprecation d : catalog.deprecations()) {
            assertThat(d.endOfLife()).isEqualTo(LocalDate.of(2025, 11, 11));
            assertThat(d.isPastEndOfLife(LocalDate.of(2025, 11, 10))).isFalse();
            assertThat(d.isPastEndOfLife(LocalDate.of(2025, 11, 11))).isTrue();
            assertThat(d.documentation().toString())
                    .startsWith("https://developers.cloudflare.com/api/resources/zero_trust/subresources/devices/");
        }
        for (Deprecation d : catalog.writes()) {
            assertThat(d.documentation().toString()).contains("/registrations/methods/" + d.id() + "/");
        }
        assertThat(catalog.require("list-devices").documentation().toString()).endsWith("/registrations/methods/list/");
        assertThat(catalog.require("get-device").documentation().toString()).endsWith("/registrations/methods/get/");
        assertThat(catalog.require("override-codes").documentation().toString())
                .endsWith("/override_codes/methods/get/");
    }

    @Test
    void eachOperationNamesWhatAnIdIsOnceItSucceeded() {
        assertThat(catalog.writes()).extracting(Deprecation::pastTense).containsExactly("revoked", "unrevoked");
    }

    @Test
    void idsMoveFromABodyOfAtMost200ToTheIdQueryParameter() {
        CallMapping mapping = catalog.require("revoke").mapping();

        assertThat(mapping.legacyMaxIds()).isEqualTo(200);
        assertThat(mapping.queryParameter()).isEqualTo("id");
    }

    @Test
    void sdkCallsAreSpelledAsTheOfficialSdksSpellThem() {
        List<String> revoke = catalog.require("revoke").sdkCalls().stream()
                .map(SdkCall::toString)
                .collect(Collectors.toList());
        assertThat(revoke)
                .containsExactly(
                        "TypeScript/JavaScript: zeroTrust.devices.revoke.create -> zeroTrust.devices.registrations.revoke",
                        "Python: zero_trust.devices.revoke.create -> zero_trust.devices.registrations.revoke",
                        "Go: ZeroTrust.Devices.Revoke.New -> ZeroTrust.Devices.Registrations.Revoke",
                        "Java/Kotlin: zeroTrust.devices.revoke.create -> zeroTrust.devices.registrations.revoke");
        SdkCall go = catalog.require("unrevoke").sdkCalls().stream()
                .filter(c -> c.language() == Language.GO)
                .findFirst()
                .orElseThrow();
        assertThat(go.deprecatedParamsType()).hasValue("DeviceUnrevokeNewParams");
        assertThat(go.replacementParamsType()).hasValue("DeviceRegistrationUnrevokeParams");
        assertThat(go.deprecatedIdsArgument()).isEqualTo("Body");
        assertThat(go.replacementIdsArgument()).isEqualTo("ID");
    }

    @Test
    void theJvmChainRuleNamesNoSdkCloudflareDoesNotPublish() {
        assertThat(Language.JAVA.official()).isFalse();
        assertThat(Language.JAVA.sdk())
                .isEqualTo("community and generated Java/Kotlin clients")
                .doesNotContain("cloudflare-java");
        assertThat(List.of(Language.TYPESCRIPT, Language.PYTHON, Language.GO)).allMatch(Language::official);
    }

    @Test
    void unknownIdsAreNamedInTheError() {
        assertThat(catalog.find("list")).isEmpty();
        assertThatThrownBy(() -> catalog.require("list"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("'list'")
                .hasMessageContaining("[revoke, unrevoke, list-devices, get-device, override-codes]");
    }

    @Test
    void endpointsSubstituteAndRecogniseTheAccount() {
        Endpoint old = catalog.require("revoke").deprecated();

        assertThat(old.pathSegments("acc")).containsExactly("accounts", "acc", "devices", "revoke");
        assertThat(old.segmentsAfterAccount()).containsExactly("devices", "revoke");
        assertThat(old.matchAccountId(List.of("accounts", "a b", "devices", "revoke")))
                .hasValue("a b");
        assertThat(old.matchAccountId(List.of("accounts", "a", "devices", "registrations", "revoke")))
                .isEmpty();
        assertThat(old.matchAccountId(List.of("accounts", "", "devices", "revoke")))
                .isEmpty();
        assertThatThrownBy(() -> old.pathSegments("../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retrofitInterfacesUseTheCatalogsPaths() throws Exception {
        for (Deprecation d : catalog.writes()) {
            assertThat(postPath(RegistrationsApi.class, d.id()))
                    .isEqualTo(d.replacement().pathTemplate().substring(1));
            assertThat(postPath(LegacyDevicesApi.class, d.id()))
                    .isEqualTo(d.deprecated().pathTemplate().substring(1));
        }
        assertThat(LegacyDevicesApi.class.isAnnotationPresent(Deprecated.class)).isTrue();
    }

    private static String postPath(Class<?> api, String method) throws NoSuchMethodException {
        Method m = api.getMethod(method, String.class, List.class);
        return m.getAnnotation(POST.class).value();
    }
}
