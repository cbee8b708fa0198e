package io.regshift.core;

import com.squareup.moshi.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A device as the deprecated {@code GET /accounts/{account_id}/devices} and {@code
 * .../devices/{device_id}} returned it, built from what replaced them: a {@link Registration}
 * joined with its {@link PhysicalDevice}. This is the one place the old shape is made, so that
 * every caller that answers an old request (the adapter, the proxy) answers alike.
 *
 * <p>The mapping, field by field: {@code id}, {@code created}, {@code updated}, {@code
 * last_seen}, {@code revoked_at}, {@code key} and {@code user} are the registration's {@code id},
 * {@code created_at}, {@code updated_at}, {@code last_seen_at}, {@code revoked_at}, {@code key}
 * and {@code user}; {@code deleted} is whether its {@code deleted_at} is set; {@code name} and
 * {@code version} are its {@code device.name} and {@code device.client_version}. {@code
 * device_type}, {@code mac_address}, {@code manufacturer}, {@code model}, {@code os_version},
 * {@code os_version_extra} and {@code serial_number} are the physical device's, and {@code ip} is
 * its {@code public_ip}. {@code os_distro_name} and {@code os_distro_revision} have no source in
 * the new model and are left out.
 *
 * <p>Written with {@code CloudflareJson.moshi().adapter(LegacyDevice.class)}, it has the old JSON
 * field names; absent values are left out, and so are all the physical fields when the device is
 * built without its physical device.
 */
public final class LegacyDevice {
    private String id;
    private String created;
    private String updated;

    @Json(name = "last_seen")
    private String lastSeen;

    private boolean deleted;

    @Json(name = "revoked_at")
    private String revokedAt;

    private String key;
    private String name;

    @Json(name = "device_type")
    private String deviceType;

    private String ip;

    @Json(name = "mac_address")
    private String macAddress;

    private String manufacturer;
    private String model;

    @Json(name = "os_version")
    private String osVersion;

    @Json(name = "os_version_extra")
    private String osVersionExtra;

    @Json(name = "serial_number")
    private String serialNumber;

    private String version;
    private Registration.User user;

    private LegacyDevice() {}

    /**
     * The old device for a registration whose physical device could not be had: the registration's
     * fields only.
     */
    public static LegacyDevice of(Registration registration) {
        Objects.requireNonNull(registration, "registration");
        LegacyDevice d = new LegacyDevice();
        d.id = registration.id();
        d.created = registration.createdAt();
        d.updated = registration.updatedAt();
        d.lastSeen = registration.lastSeenAt();
        d.deleted = registration.deletedAt().isPresent();
        d.revokedAt = registration.revokedAt().orElse(null);
        d.key = registration.key();
        Registration.Device device = registration.device();
        d.name = device == null ? null : device.name();
        d.version = device == null ? null : device.clientVersion().orElse(null);
        d.user = registration.user().orElse(null);
        return d;
    }

    /**
     * The old device for a registration and its physical device.
     *
     * @throws IllegalArgumentException if the physical device is not the registration's (its ID is
     *     not the registration's {@code device.id})
     */
    public static LegacyDevice of(Registration registration, PhysicalDevice physicalDevice) {
        LegacyDevice d = of(registration);
        Objects.requireNonNull(physicalDevice, "physicalDevice");
        String expected =
                registration.device() == null ? null : registration.device().id();
        if (!Objects.equals(expected, physicalDevice.id())) {
            throw new IllegalArgumentException("physical device "
                    + physicalDevice.id()
                    + " is not the device of registration "
                    + registration.id()
                    + ", whose device.id is "
                    + expected);
        }
        d.deviceType = physicalDevice.deviceType().orElse(null);
        d.ip = physicalDevice.publicIp().orElse(null);
        d.macAddress = physicalDevice.macAddress().orElse(null);
        d.manufacturer = physicalDevice.manufacturer().orElse(null);
        d.model = physicalDevice.model().orElse(null);
        d.osVersion = physicalDevice.osVersion().orElse(null);
        d.osVersionExtra = physicalDevice.osVersionExtra().orElse(null);
        d.serialNumber = physicalDevice.serialNumber().orElse(null);
        return d;
    }

    /** The device ID of the old API, which is the registration ID. */
    public String id() {
        return id;
    }

    public Optional<String> created() {
        return Optional.ofNullable(created);
    }

    public Optional<String> updated() {
        return Optional.ofNullable(updated);
    }

    public Optional<String> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    public boolean deleted() {
        return deleted;
    }

    public Optional<String> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> deviceType() {
        return Optional.ofNullable(deviceType);
    }

    public Optional<String> ip() {
        return Optional.ofNullable(ip);
    }

    public Optional<String> macAddress() {
        return Optional.ofNullable(macAddress);
    }

    public Optional<String> manufacturer() {
        return Optional.ofNullable(manufacturer);
    }

    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    public Optional<String> osVersion() {
        return Optional.ofNullable(osVersion);
    }

    public Optional<String> osVersionExtra() {
        return Optional.ofNullable(osVersionExtra);
    }

    public Optional<String> serialNumber() {
        return Optional.ofNullable(serialNumber);
    }

    /** The WARP client's version. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public Optional<Registration.User> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LegacyDevice)) {
            return false;
        }
        LegacyDevice other = (LegacyDevice) o;
        return deleted == other.deleted
                && Objects.equals(id, other.id)
                && Objects.equals(created, other.created)
                && Objects.equals(updated, other.updated)
                && Objects.equals(lastSeen, other.lastSeen)
                && Objects.equals(revokedAt, other.revokedAt)
                && Objects.equals(key, other.key)
                && Objects.equals(name, other.name)
                && Objects.equals(deviceType, other.deviceType)
                && Objects.equals(ip, other.ip)
                && Objects.equals(macAddress, other.macAddress)
                && Objects.equals(manufacturer, other.manufacturer)
                && Objects.equals(model, other.model)
                && Objects.equals(osVersion, other.osVersion)
                && Objects.equals(osVersionExtra, other.osVersionExtra)
                && Objects.equals(serialNumber, other.serialNumber)
                && Objects.equals(version, other.version)
                && Objects.equals(user, other.user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                created,
                updated,
                lastSeen,
                deleted,
                revokedAt,
                key,
                name,
                deviceType,
                ip,
                macAddress,
                manufacturer,
                model,
                osVersion,
                osVersionExtra,
                serialNumber,
                version,
                user);
    }

    @Override
    public String toString() {
        return "LegacyDevice{" + id + ", " + name + (revokedAt == null ? "" : ", revoked " + revokedAt) + "}";
    }
}
