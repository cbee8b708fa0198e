package io.regshift.core;

import static io.regshift.core.DeviceModelsTest.PHYSICAL_DEVICE_JSON;
import static io.regshift.core.DeviceModelsTest.REGISTRATION_JSON;
import static io.regshift.core.DeviceModelsTest.physicalDevice;
import static io.regshift.core.DeviceModelsTest.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The old device shape from a registration and its physical device, per endpoints.md's mapping. */
class LegacyDeviceTest {
    private static final JsonAdapter<LegacyDevice> JSON = CloudflareJson.moshi().adapter(LegacyDevice.class);

    private static LegacyDevice joined() throws IOException {
        return LegacyDevice.of(registration(REGISTRATION_JSON), physicalDevice(PHYSICAL_DEVICE_JSON));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asJson(LegacyDevice device) throws IOException {
        return (Map<String, Object>)
                CloudflareJson.moshi().adapter(Object.class).fromJson(JSON.toJson(device));
    }

    @Test
    void theRegistrationGivesIdTimesRevocationKeyAndUser() throws IOException {
        LegacyDevice d = joined();

        assertThat(d.id()).isEqualTo("r1");
        assertThat(d.created()).hasValue("2025-01-02T03:04:05Z");
        assertThat(d.updated()).hasValue("2025-02-02T03:04:05Z");
        assertThat(d.lastSeen()).hasValue("2025-03-02T03:04:05Z");
        assertThat(d.revokedAt()).hasValue("2025-04-02T03:04:05Z");
        assertThat(d.key()).hasValue("pubkey");
        assertThat(d.user().flatMap(Registration.User::email)).hasValue("ann@example.com");
    }

    @Test
    void nameAndVersionComeFromTheRegistrationsDeviceNotThePhysicalDevice() throws IOException {
        LegacyDevice d = joined();

        assertThat(d.name()).hasValue("laptop");
        assertThat(d.version()).hasValue("2025.9.1");
    }

    @Test
    void deletedIsWhetherTheRegistrationHasDeletedAt() throws IOException {
        assertThat(joined().deleted()).isFalse();
        assertThat(LegacyDevice.of(registration(REGISTRATION_JSON.replace(
                                "\"deleted_at\":null", "\"deleted_at\":\"2025-06-01T00:00:00Z\"")))
                        .deleted())
                .isTrue();
    }

    @Test
    void theHardwareFieldsComeFromThePhysicalDeviceAndIpFromItsPublicIp() throws IOException {
        LegacyDevice d = joined();

        assertThat(d.deviceType()).hasValue("mac");
        assertThat(d.ip()).hasValue("203.0.113.7");
        assertThat(d.macAddress()).hasValue("00:11:22:33:44:55");
        assertThat(d.manufacturer()).hasValue("Apple");
        assertThat(d.model()).hasValue("MacBookPro18,3");
        assertThat(d.osVersion()).hasValue("15.1");
        assertThat(d.osVersionExtra()).hasValue("(a)");
        assertThat(d.serialNumber()).hasValue("C02XYZ");
    }

    @Test
    void withoutThePhysicalDeviceTheHardwareFieldsAreAbsent() throws IOException {
        LegacyDevice d = LegacyDevice.of(registration(REGISTRATION_JSON));

        assertThat(d.name()).hasValue("laptop");
        assertThat(d.deviceType()).isEmpty();
        assertThat(d.ip()).isEmpty();
        assertThat(d.macAddress()).isEmpty();
        assertThat(d.manufacturer()).isEmpty();
        assertThat(d.model()).isEmpty();
        assertThat(d.osVersion()).isEmpty();
        assertThat(d.osVersionExtra()).isEmpty();
        assertThat(d.serialNumber()).isEmpty();
    }

    @Test
    void itIsWrittenWithTheOldFieldNamesAndNoDistroFields() throws IOException {
        assertThat(asJson(joined()))
                .containsOnly(
                        entry("id", "r1"),
                        entry("created", "2025-01-02T03:04:05Z"),
                        entry("updated", "2025-02-02T03:04:05Z"),
                        entry("last_seen", "2025-03-02T03:04:05Z"),
                        entry("deleted", false),
                        entry("revoked_at", "2025-04-02T03:04:05Z"),
                        entry("key", "pubkey"),
                        entry("name", "laptop"),
                        entry("device_type", "mac"),
                        entry("ip", "203.0.113.7"),
                        entry("mac_address", "00:11:22:33:44:55"),
                        entry("manufacturer", "Apple"),
                        entry("model", "MacBookPro18,3"),
                        entry("os_version", "15.1"),
                        entry("os_version_extra", "(a)"),
                        entry("serial_number", "C02XYZ"),
                        entry("version", "2025.9.1"),
                        entry("user", Map.of("id", "u1", "email", "ann@example.com", "name", "Ann")));
    }

    @Test
    void withoutThePhysicalDeviceTheJsonHasNoHardwareKeys() throws IOException {
        assertThat(asJson(LegacyDevice.of(registration(REGISTRATION_JSON))))
                .containsOnlyKeys(
                        "id",
                        "created",
                        "updated",
                        "last_seen",
                        "deleted",
                        "revoked_at",
                        "key",
                        "name",
                        "version",
                        "user");
    }

    @Test
    void aJsonRoundTripGivesAnEqualDevice() throws IOException {
        LegacyDevice d = joined();

        LegacyDevice back = JSON.fromJson(JSON.toJson(d));

        assertThat(back).isEqualTo(d).hasSameHashCodeAs(d);
        assertThat(back).isNotEqualTo(LegacyDevice.of(registration(REGISTRATION_JSON)));
    }

    @Test
    void aPhysicalDeviceThatIsNotTheRegistrationsIsRefused() throws IOException {
        PhysicalDevice other = physicalDevice(PHYSICAL_DEVICE_JSON.replace("\"id\":\"d1\"", "\"id\":\"d2\""));

        assertThatThrownBy(() -> LegacyDevice.of(registration(REGISTRATION_JSON), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("physical device d2 is not the device of registration r1, whose device.id is d1");
    }
}
