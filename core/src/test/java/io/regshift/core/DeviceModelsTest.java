package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registrations, physical devices and override codes read from the API's JSON. */
class DeviceModelsTest {
    static final String REGISTRATION_JSON = """
            {"id":"r1","created_at":"2025-01-02T03:04:05Z","updated_at":"2025-02-02T03:04:05Z",
             "last_seen_at":"2025-03-02T03:04:05Z","deleted_at":null,"revoked_at":"2025-04-02T03:04:05Z",
             "key":"pubkey","key_type":"curve25519","tunnel_type":"wireguard",
             "virtual_ipv4":"100.96.0.1","virtual_ipv6":"fd00::1",
             "device":{"id":"d1","name":"laptop","client_version":"2025.9.1"},
             "user":{"id":"u1","email":"ann@example.com","name":"Ann"},
             "policy":{"id":"p1","name":"Default","default":true,"deleted":false,"updated_at":"2025-05-02T03:04:05Z"},
             "a_field_added_later":{"x":1}}
            """;

    static final String PHYSICAL_DEVICE_JSON = """
            {"id":"d1","name":"physical name","created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-02T00:00:00Z",
             "last_seen_at":"2025-01-03T00:00:00Z","deleted_at":null,"active_registrations":2,
             "client_version":"2025.9.1","device_type":"mac","hardware_id":"hw-1","mac_address":"00:11:22:33:44:55",
             "manufacturer":"Apple","model":"MacBookPro18,3","os_version":"15.1","os_version_extra":"(a)",
             "public_ip":"203.0.113.7","serial_number":"C02XYZ",
             "last_seen_registration":{"policy":{"id":"p1","name":"Default","default":true,"deleted":false,
                                                 "updated_at":"2025-05-02T03:04:05Z"}},
             "last_seen_user":{"id":"u1","email":"ann@example.com","name":"Ann"}}
            """;

    static Registration registration(String json) throws IOException {
        return CloudflareJson.moshi().adapter(Registration.class).fromJson(json);
    }

    static PhysicalDevice physicalDevice(String json) throws IOException {
        return CloudflareJson.moshi().adapter(PhysicalDevice.class).fromJson(json);
    }

    @Test
    void aRegistrationReadsEveryDocumentedField() throws IOException {
        Registration r = registration(REGISTRATION_JSON);

        assertThat(r.id()).isEqualTo("r1");
        assertThat(r.createdAt()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(r.updatedAt()).isEqualTo("2025-02-02T03:04:05Z");
        assertThat(r.lastSeenAt()).isEqualTo("2025-03-02T03:04:05Z");
        assertThat(r.deletedAt()).isEmpty();
        assertThat(r.revokedAt()).hasValue("2025-04-02T03:04:05Z");
        assertThat(r.key()).isEqualTo("pubkey");
        assertThat(r.keyType()).hasValue("curve25519");
        assertThat(r.tunnelType()).hasValue("wireguard");
        assertThat(r.virtualIpv4()).hasValue("100.96.0.1");
        assertThat(r.virtualIpv6()).hasValue("fd00::1");
        assertThat(r.device().id()).isEqualTo("d1");
        assertThat(r.device().name()).isEqualTo("laptop");
        assertThat(r.device().clientVersion()).hasValue("2025.9.1");
        assertThat(r.user().orElseThrow().id()).hasValue("u1");
        assertThat(r.user().orElseThrow().email()).hasValue("ann@example.com");
        assertThat(r.user().orElseThrow().name()).hasValue("Ann");
        Registration.Policy policy = r.policy().orElseThrow();
        assertThat(policy.id()).isEqualTo("p1");
        assertThat(policy.name()).isEqualTo("Default");
        assertThat(policy.isDefault()).isTrue();
        assertThat(policy.deleted()).isFalse();
        assertThat(policy.updatedAt()).isEqualTo("2025-05-02T03:04:05Z");
    }

    @Test
    void optionalRegistrationFieldsThatAreAbsentReadAsEmpty() throws IOException {
        Registration r = registration("{\"id\":\"r1\",\"key\":\"k\",\"device\":{\"id\":\"d1\",\"name\":\"n\"}}");

        assertThat(r.revokedAt()).isEmpty();
        assertThat(r.keyType()).isEmpty();
        assertThat(r.user()).isEmpty();
        assertThat(r.policy()).isEmpty();
        assertThat(r.device().clientVersion()).isEmpty();
        assertThat(r).hasToString("Registration{r1 on d1}");
    }

    @Test
    void aPhysicalDeviceReadsEveryDocumentedField() throws IOException {
        PhysicalDevice d = physicalDevice(PHYSICAL_DEVICE_JSON);

        assertThat(d.id()).isEqualTo("d1");
        assertThat(d.name()).isEqualTo("physical name");
        assertThat(d.createdAt()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(d.updatedAt()).isEqualTo("2025-01-02T00:00:00Z");
        assertThat(d.lastSeenAt()).hasValue("2025-01-03T00:00:00Z");
        assertThat(d.deletedAt()).isEmpty();
        assertThat(d.activeRegistrations()).isEqualTo(2);
        assertThat(d.clientVersion()).hasValue("2025.9.1");
        assertThat(d.deviceType()).hasValue("mac");
        assertThat(d.hardwareId()).hasValue("hw-1");
        assertThat(d.macAddress()).hasValue("00:11:22:33:44:55");
        assertThat(d.manufacturer()).hasValue("Apple");
        assertThat(d.model()).hasValue("MacBookPro18,3");
        assertThat(d.osVersion()).hasValue("15.1");
        assertThat(d.osVersionExtra()).hasValue("(a)");
        assertThat(d.publicIp()).hasValue("203.0.113.7");
        assertThat(d.serialNumber()).hasValue("C02XYZ");
        assertThat(d.lastSeenRegistrationPolicy().map(Registration.Policy::id)).hasValue("p1");
        assertThat(d.lastSeenUser().flatMap(Registration.User::email)).hasValue("ann@example.com");
    }

    @Test
    void overrideCodesKeepTheirKeysAsSent() throws IOException {
        OverrideCodes codes = CloudflareJson.moshi()
                .adapter(OverrideCodes.class)
                .fromJson("{\"disable_for_time\":{\"3600\":\"1111111\",\"10800\":\"3333333\"}}");

        assertThat(codes.disableForTime())
                .containsExactlyInAnyOrderEntriesOf(Map.of("3600", "1111111", "10800", "3333333"));
        assertThat(codes).hasToString("OverrideCodes{for [10800, 3600]}");
    }

    @Test
    void overrideCodesKeepTheOrderOfTheResponse() throws IOException {
        OverrideCodes codes = CloudflareJson.moshi()
                .adapter(OverrideCodes.class)
                .fromJson("{\"disable_for_time\":{\"900\":\"a\",\"3600\":\"b\",\"10800\":\"c\",\"1800\":\"d\","
                        + "\"7200\":\"e\",\"60\":\"f\",\"300\":\"g\",\"86400\":\"h\"}}");

        assertThat(codes.disableForTime().keySet())
                .containsExactly("900", "3600", "10800", "1800", "7200", "60", "300", "86400");
    }

    @Test
    void overrideCodesWithoutDisableForTimeAreEmpty() throws IOException {
        OverrideCodes codes =
                CloudflareJson.moshi().adapter(OverrideCodes.class).fromJson("{}");

        assertThat(codes.disableForTime()).isEmpty();
    }

    @Test
    void modelValuesCompareByContent() throws IOException {
        assertThat(registration(REGISTRATION_JSON))
                .isEqualTo(registration(REGISTRATION_JSON))
                .hasSameHashCodeAs(registration(REGISTRATION_JSON))
                .isNotEqualTo(registration(REGISTRATION_JSON.replace("pubkey", "other")));
        assertThat(physicalDevice(PHYSICAL_DEVICE_JSON))
                .isEqualTo(physicalDevice(PHYSICAL_DEVICE_JSON))
                .hasSameHashCodeAs(physicalDevice(PHYSICAL_DEVICE_JSON))
                .isNotEqualTo(physicalDevice(PHYSICAL_DEVICE_JSON.replace("C02XYZ", "other")));
    }
}
