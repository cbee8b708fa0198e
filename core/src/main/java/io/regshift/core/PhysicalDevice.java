package io.regshift.core;

import com.squareup.moshi.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A physical device: the machine that WARP registrations are on, as {@code GET
 * /accounts/{account_id}/devices/physical-devices} and {@code .../physical-devices/{device_id}}
 * return it. Its ID is the {@code device.id} of its registrations. The hardware fields of the
 * deprecated device objects (type, model, serial number, MAC address, OS version, IP) live here.
 *
 * <p>Read it from JSON with {@code CloudflareJson.moshi().adapter(PhysicalDevice.class)}.
 * Fields the API reference marks as always present are plain values; the others are
 * {@code Optional}. Timestamps are the RFC 3339 strings Cloudflare sent.
 */
public final class PhysicalDevice {
    private String id;
    private String name;

    @Json(name = "created_at")
    private String createdAt;

    @Json(name = "updated_at")
    private String updatedAt;

    @Json(name = "last_seen_at")
    private String lastSeenAt;

    @Json(name = "deleted_at")
    private String deletedAt;

    @Json(name = "active_registrations")
    private long activeRegistrations;

    @Json(name = "client_version")
    private String clientVersion;

    @Json(name = "device_type")
    private String deviceType;

    @Json(name = "hardware_id")
    private String hardwareId;

    @Json(name = "mac_address")
    private String macAddress;

    private String manufacturer;
    private String model;

    @Json(name = "os_version")
    private String osVersion;

    @Json(name = "os_version_extra")
    private String osVersionExtra;

    @Json(name = "public_ip")
    private String publicIp;

    @Json(name = "serial_number")
    private String serialNumber;

    @Json(name = "last_seen_registration")
    private LastSeenRegistration lastSeenRegistration;

    @Json(name = "last_seen_user")
    private Registration.User lastSeenUser;

    private PhysicalDevice() {}

    /** The device ID: the {@code device.id} of its registrations. */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String createdAt() {
        return createdAt;
    }

    public String updatedAt() {
        return updatedAt;
    }

    /** {@code last_seen_at}; null in the API for a device never seen. */
    public Optional<String> lastSeenAt() {
        return Optional.ofNullable(lastSeenAt);
    }

    public Optional<String> deletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    /** How many of its registrations are neither revoked nor deleted. */
    public long activeRegistrations() {
        return activeRegistrations;
    }

    public Optional<String> clientVersion() {
        return Optional.ofNullable(clientVersion);
    }

    /** {@code device_type}: {@code windows}, {@code mac}, {@code linux}, {@code android}, {@code ios}, ... */
    public Optional<String> deviceType() {
        return Optional.ofNullable(deviceType);
    }

    public Optional<String> hardwareId() {
        return Optional.ofNullable(hardwareId);
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

    /** {@code public_ip}; Cloudflare marks it deprecated in favour of DEX, but still returns it. */
    public Optional<String> publicIp() {
        return Optional.ofNullable(publicIp);
    }

    public Optional<String> serialNumber() {
        return Optional.ofNullable(serialNumber);
    }

    /** {@code last_seen_registration.policy}; present only with {@code include=last_seen_registration.policy}. */
    public Optional<Registration.Policy> lastSeenRegistrationPolicy() {
        return Optional.ofNullable(lastSeenRegistration).map(r -> r.policy);
    }

    public Optional<Registration.User> lastSeenUser() {
        return Optional.ofNullable(lastSeenUser);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PhysicalDevice)) {
            return false;
        }
        PhysicalDevice other = (PhysicalDevice) o;
        return activeRegistrations == other.activeRegistrations
                && Objects.equals(id, other.id)
                && Objects.equals(name, other.name)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(updatedAt, other.updatedAt)
                && Objects.equals(lastSeenAt, other.lastSeenAt)
                && Objects.equals(deletedAt, other.deletedAt)
                && Objects.equals(clientVersion, other.clientVersion)
                && Objects.equals(deviceType, other.deviceType)
                && Objects.equals(hardwareId, other.hardwareId)
                && Objects.equals(macAddress, other.macAddress)
                && Objects.equals(manufacturer, other.manufacturer)
                && Objects.equals(model, other.model)
                && Objects.equals(osVersion, other.osVersion)
                && Objects.equals(osVersionExtra, other.osVersionExtra)
                && Objects.equals(publicIp, other.publicIp)
                && Objects.equals(serialNumber, other.serialNumber)
                && lastSeenRegistrationPolicy().equals(other.lastSeenRegistrationPolicy())
                && Objects.equals(lastSeenUser, other.lastSeenUser);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                name,
                createdAt,
                updatedAt,
                lastSeenAt,
                deletedAt,
                activeRegistrations,
                clientVersion,
                deviceType,
                hardwareId,
                macAddress,
                manufacturer,
                model,
                osVersion,
                osVersionExtra,
                publicIp,
                serialNumber,
                lastSeenRegistrationPolicy(),
                lastSeenUser);
    }

    @Override
    public String toString() {
        return "PhysicalDevice{" + id + ", " + name + ", " + activeRegistrations + " active registrations}";
    }

    /** The {@code last_seen_registration} object, which holds only the policy. */
    static final class LastSeenRegistration {
        private Registration.Policy policy;

        private LastSeenRegistration() {}
    }
}
