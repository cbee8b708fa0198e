package io.regshift.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A physical device as {@link FakeCloudflare} holds it: the machine, with the fields of
 * Cloudflare's physical device object. Give it to {@link FakeCloudflare#givenPhysicalDevices}; the
 * fake serves it from {@code GET .../devices/physical-devices} and joins it into the old device
 * objects of the registrations whose {@code device.id} is its ID.
 *
 * <p>{@code active_registrations} is not given: the fake counts the device's registrations that
 * are neither revoked nor deleted, so revoking one changes it.
 */
public final class FakePhysicalDevice {
    private final String id;
    private final String name;
    private final String createdAt;
    private final String updatedAt;
    private final String lastSeenAt;
    private final String deletedAt;
    private final String clientVersion;
    private final String deviceType;
    private final String hardwareId;
    private final String macAddress;
    private final String manufacturer;
    private final String model;
    private final String osVersion;
    private final String osVersionExtra;
    private final String publicIp;
    private final String serialNumber;
    private final FakeRegistration.Policy lastSeenRegistrationPolicy;
    private final FakeRegistration.User lastSeenUser;

    private FakePhysicalDevice(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.lastSeenAt = b.lastSeenAt;
        this.deletedAt = b.deletedAt;
        this.clientVersion = b.clientVersion;
        this.deviceType = b.deviceType;
        this.hardwareId = b.hardwareId;
        this.macAddress = b.macAddress;
        this.manufacturer = b.manufacturer;
        this.model = b.model;
        this.osVersion = b.osVersion;
        this.osVersionExtra = b.osVersionExtra;
        this.publicIp = b.publicIp;
        this.serialNumber = b.serialNumber;
        this.lastSeenRegistrationPolicy = b.lastSeenRegistrationPolicy;
        this.lastSeenUser = b.lastSeenUser;
    }

    /**
     * A builder for the device {@code id}. Defaults: name = {@code id}, {@code created_at},
     * {@code updated_at} and {@code last_seen_at} {@link FakeRegistration#DEFAULT_TIME}, every
     * other field null.
     */
    public static Builder builder(String id) {
        return new Builder(FakeRegistration.requireText(id, "id"));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Optional<String> deviceType() {
        return Optional.ofNullable(deviceType);
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

    public Optional<String> publicIp() {
        return Optional.ofNullable(publicIp);
    }

    public Optional<String> serialNumber() {
        return Optional.ofNullable(serialNumber);
    }

    public Optional<String> lastSeenAt() {
        return Optional.ofNullable(lastSeenAt);
    }

    public String createdAt() {
        return createdAt;
    }

    /**
     * The physical device object as Cloudflare writes it; {@code last_seen_registration.policy}
     * only if asked for.
     */
    Map<String, Object> toJson(int activeRegistrations, boolean includePolicy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("created_at", createdAt);
        json.put("updated_at", updatedAt);
        json.put("last_seen_at", lastSeenAt);
        json.put("deleted_at", deletedAt);
        json.put("active_registrations", activeRegistrations);
        json.put("client_version", clientVersion);
        json.put("device_type", deviceType);
        json.put("hardware_id", hardwareId);
        json.put("mac_address", macAddress);
        json.put("manufacturer", manufacturer);
        json.put("model", model);
        json.put("os_version", osVersion);
        json.put("os_version_extra", osVersionExtra);
        json.put("public_ip", publicIp);
        json.put("serial_number", serialNumber);
        if (includePolicy && lastSeenRegistrationPolicy != null) {
            json.put("last_seen_registration", Map.of("policy", lastSeenRegistrationPolicy.toJson()));
        }
        json.put("last_seen_user", lastSeenUser == null ? null : lastSeenUser.toJson());
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FakePhysicalDevice && toJson(0, true).equals(((FakePhysicalDevice) o).toJson(0, true));
    }

    @Override
    public int hashCode() {
        return toJson(0, true).hashCode();
    }

    @Override
    public String toString() {
        return "FakePhysicalDevice{" + id + "}";
    }

    /** Configures a {@link FakePhysicalDevice}; every setter replaces the value it names, null for none. */
    public static final class Builder {
        private final String id;
        private String name;
        private String createdAt = FakeRegistration.DEFAULT_TIME;
        private String updatedAt = FakeRegistration.DEFAULT_TIME;
        private String lastSeenAt = FakeRegistration.DEFAULT_TIME;
        private String deletedAt;
        private String clientVersion;
        private String deviceType;
        private String hardwareId;
        private String macAddress;
        private String manufacturer;
        private String model;
        private String osVersion;
        private String osVersionExtra;
        private String publicIp;
        private String serialNumber;
        private FakeRegistration.Policy lastSeenRegistrationPolicy;
        private FakeRegistration.User lastSeenUser;

        private Builder(String id) {
            this.id = id;
            this.name = id;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder createdAt(String time) {
            this.createdAt = Objects.requireNonNull(time, "time");
            return this;
        }

        public Builder updatedAt(String time) {
            this.updatedAt = Objects.requireNonNull(time, "time");
            return this;
        }

        public Builder lastSeenAt(String time) {
            this.lastSeenAt = time;
            return this;
        }

        public Builder deletedAt(String time) {
            this.deletedAt = time;
            return this;
        }

        public Builder clientVersion(String version) {
            this.clientVersion = version;
            return this;
        }

        /** e.g. {@code windows}, {@code mac}, {@code linux}, {@code android}, {@code ios}, {@code chromeos}. */
        public Builder deviceType(String type) {
            this.deviceType = type;
            return this;
        }

        public Builder hardwareId(String hardwareId) {
            this.hardwareId = hardwareId;
            return this;
        }

        public Builder macAddress(String macAddress) {
            this.macAddress = macAddress;
            return this;
        }

        public Builder manufacturer(String manufacturer) {
            this.manufacturer = manufacturer;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder osVersion(String osVersion) {
            this.osVersion = osVersion;
            return this;
        }

        public Builder osVersionExtra(String osVersionExtra) {
            this.osVersionExtra = osVersionExtra;
            return this;
        }

        public Builder publicIp(String publicIp) {
            this.publicIp = publicIp;
            return this;
        }

        public Builder serialNumber(String serialNumber) {
            this.serialNumber = serialNumber;
            return this;
        }

        /** Served as {@code last_seen_registration.policy} with {@code include=last_seen_registration.policy}. */
        public Builder lastSeenRegistrationPolicy(FakeRegistration.Policy policy) {
            this.lastSeenRegistrationPolicy = policy;
            return this;
        }

        public Builder lastSeenUser(FakeRegistration.User user) {
            this.lastSeenUser = user;
            return this;
        }

        public FakePhysicalDevice build() {
            return new FakePhysicalDevice(this);
        }
    }
}
