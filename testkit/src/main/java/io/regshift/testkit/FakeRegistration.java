package io.regshift.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A registration as {@link FakeCloudflare} holds it: one user's WARP enrolment on one physical
 * device, with the fields of Cloudflare's registration object. Build one with {@link #builder}
 * and give it to {@link FakeCloudflare#givenRegistrations}; the fake serves it from {@code GET
 * .../devices/registrations} and, before the end of life, as an old device from {@code GET
 * .../devices}.
 *
 * <p>Timestamps are RFC 3339 strings, served exactly as given. {@code revoked_at} is the fake's
 * state: the revoke endpoints set it, unrevoke clears it, and {@link #revokedAt()} of a
 * registration read back from the fake shows it.
 */
public final class FakeRegistration {
    /** The timestamp a builder starts with for {@code created_at}, {@code updated_at} and {@code last_seen_at}. */
    public static final String DEFAULT_TIME = "2025-01-01T00:00:00Z";

    private final String id;
    private final String deviceId;
    private final String deviceName;
    private final String clientVersion;
    private final String createdAt;
    private final String updatedAt;
    private final String lastSeenAt;
    private final String deletedAt;
    private final String revokedAt;
    private final String key;
    private final String keyType;
    private final String tunnelType;
    private final String virtualIpv4;
    private final String virtualIpv6;
    private final User user;
    private final Policy policy;
    private final Map<String, String> overrideCodes;

    private FakeRegistration(Builder b) {
        this.id = b.id;
        this.deviceId = b.deviceId;
        this.deviceName = b.deviceName;
        this.clientVersion = b.clientVersion;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.lastSeenAt = b.lastSeenAt;
        this.deletedAt = b.deletedAt;
        this.revokedAt = b.revokedAt;
        this.key = b.key;
        this.keyType = b.keyType;
        this.tunnelType = b.tunnelType;
        this.virtualIpv4 = b.virtualIpv4;
        this.virtualIpv6 = b.virtualIpv6;
        this.user = b.user;
        this.policy = b.policy;
        this.overrideCodes = Map.copyOf(b.overrideCodes);
    }

    /**
     * A builder for the registration {@code id} on the physical device {@code deviceId} (its
     * {@code device.id}). Defaults: device name = {@code deviceId}, the three timestamps {@link
     * #DEFAULT_TIME}, key {@code "key-" + id}, no user, no policy, no override codes.
     */
    public static Builder builder(String id, String deviceId) {
        return new Builder(requireText(id, "id"), requireText(deviceId, "deviceId"));
    }

    /** A builder holding this registration's values. */
    public Builder toBuilder() {
        Builder b = new Builder(id, deviceId);
        b.deviceName = deviceName;
        b.clientVersion = clientVersion;
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        b.lastSeenAt = lastSeenAt;
        b.deletedAt = deletedAt;
        b.revokedAt = revokedAt;
        b.key = key;
        b.keyType = keyType;
        b.tunnelType = tunnelType;
        b.virtualIpv4 = virtualIpv4;
        b.virtualIpv6 = virtualIpv6;
        b.user = user;
        b.policy = policy;
        b.overrideCodes.putAll(overrideCodes);
        return b;
    }

    public String id() {
        return id;
    }

    /** {@code device.id}: the physical device this registration is on. */
    public String deviceId() {
        return deviceId;
    }

    /** {@code device.name}. */
    public String deviceName() {
        return deviceName;
    }

    /** {@code device.client_version}. */
    public Optional<String> clientVersion() {
        return Optional.ofNullable(clientVersion);
    }

    public String createdAt() {
        return createdAt;
    }

    public String updatedAt() {
        return updatedAt;
    }

    public String lastSeenAt() {
        return lastSeenAt;
    }

    public Optional<String> deletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    public Optional<String> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public String key() {
        return key;
    }

    public Optional<String> keyType() {
        return Optional.ofNullable(keyType);
    }

    public Optional<String> tunnelType() {
        return Optional.ofNullable(tunnelType);
    }

    public Optional<String> virtualIpv4() {
        return Optional.ofNullable(virtualIpv4);
    }

    public Optional<String> virtualIpv6() {
        return Optional.ofNullable(virtualIpv6);
    }

    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /** The device settings profile, served only with {@code include=policy}. */
    public Optional<Policy> policy() {
        return Optional.ofNullable(policy);
    }

    /** {@code disable_for_time} of the override codes: duration key to code. */
    public Map<String, String> overrideCodes() {
        return overrideCodes;
    }

    /** The registration object as Cloudflare writes it; {@code policy} only if asked for. */
    Map<String, Object> toJson(boolean includePolicy) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("id", deviceId);
        device.put("name", deviceName);
        if (clientVersion != null) {
            device.put("client_version", clientVersion);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("created_at", createdAt);
        json.put("updated_at", updatedAt);
        json.put("last_seen_at", lastSeenAt);
        json.put("deleted_at", deletedAt);
        json.put("revoked_at", revokedAt);
        json.put("key", key);
        json.put("key_type", keyType);
        json.put("tunnel_type", tunnelType);
        json.put("virtual_ipv4", virtualIpv4);
        json.put("virtual_ipv6", virtualIpv6);
        json.put("device", device);
        if (user != null) {
            json.put("user", user.toJson());
        }
        if (includePolicy && policy != null) {
            json.put("policy", policy.toJson());
        }
        return json;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FakeRegistration)) {
            return false;
        }
        FakeRegistration other = (FakeRegistration) o;
        return toJson(true).equals(other.toJson(true)) && overrideCodes.equals(other.overrideCodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(toJson(true), overrideCodes);
    }

    @Override
    public String toString() {
        return "FakeRegistration{" + id + " on " + deviceId + (revokedAt == null ? "" : ", revoked " + revokedAt) + "}";
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /** Configures a {@link FakeRegistration}; every setter replaces the value it names. */
    public static final class Builder {
        private final String id;
        private final String deviceId;
        private String deviceName;
        private String clientVersion;
        private String createdAt = DEFAULT_TIME;
        private String updatedAt = DEFAULT_TIME;
        private String lastSeenAt = DEFAULT_TIME;
        private String deletedAt;
        private String revokedAt;
        private String key;
        private String keyType;
        private String tunnelType;
        private String virtualIpv4;
        private String virtualIpv6;
        private User user;
        private Policy policy;
        private final Map<String, String> overrideCodes = new LinkedHashMap<>();

        private Builder(String id, String deviceId) {
            this.id = id;
            this.deviceId = deviceId;
            this.deviceName = deviceId;
            this.key = "key-" + id;
        }

        public Builder deviceName(String name) {
            this.deviceName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** {@code device.client_version}, the WARP client's version; null for none. */
        public Builder clientVersion(String version) {
            this.clientVersion = version;
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
            this.lastSeenAt = Objects.requireNonNull(time, "time");
            return this;
        }

        /** Marks the registration deleted at this time; null for not deleted. */
        public Builder deletedAt(String time) {
            this.deletedAt = time;
            return this;
        }

        /** Marks the registration revoked at this time; null for not revoked. */
        public Builder revokedAt(String time) {
            this.revokedAt = time;
            return this;
        }

        public Builder key(String key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** e.g. {@code curve25519} (WireGuard) or {@code secp256r1} (MASQUE); null for none. */
        public Builder keyType(String keyType) {
            this.keyType = keyType;
            return this;
        }

        /** e.g. {@code wireguard} or {@code masque}; null for none. */
        public Builder tunnelType(String tunnelType) {
            this.tunnelType = tunnelType;
            return this;
        }

        public Builder virtualIpv4(String address) {
            this.virtualIpv4 = address;
            return this;
        }

        public Builder virtualIpv6(String address) {
            this.virtualIpv6 = address;
            return this;
        }

        /** The enrolled user; null for none. */
        public Builder user(User user) {
            this.user = user;
            return this;
        }

        /** The device settings profile; null for none. */
        public Builder policy(Policy policy) {
            this.policy = policy;
            return this;
        }

        /** One override code, e.g. {@code overrideCode("3600", "1234567")}; repeatable. */
        public Builder overrideCode(String duration, String code) {
            overrideCodes.put(requireText(duration, "duration"), Objects.requireNonNull(code, "code"));
            return this;
        }

        public FakeRegistration build() {
            return new FakeRegistration(this);
        }
    }

    /** A user as registrations and physical devices show one: {@code {id, email, name}}. */
    public static final class User {
        private final String id;
        private final String email;
        private final String name;

        private User(String id, String email, String name) {
            this.id = id;
            this.email = email;
            this.name = name;
        }

        /** Any of the three may be null, and is then served as null. */
        public static User of(String id, String email, String name) {
            return new User(id, email, name);
        }

        public Optional<String> id() {
            return Optional.ofNullable(id);
        }

        public Optional<String> email() {
            return Optional.ofNullable(email);
        }

        public Optional<String> name() {
            return Optional.ofNullable(name);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("email", email);
            json.put("name", name);
            return json;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof User && toJson().equals(((User) o).toJson());
        }

        @Override
        public int hashCode() {
            return toJson().hashCode();
        }

        @Override
        public String toString() {
            return "User" + toJson();
        }
    }

    /** A device settings profile: {@code {id, name, default, deleted, updated_at}}. */
    public static final class Policy {
        private final String id;
        private final String name;
        private final boolean isDefault;
        private final boolean deleted;
        private final String updatedAt;

        private Policy(String id, String name, boolean isDefault, boolean deleted, String updatedAt) {
            this.id = requireText(id, "id");
            this.name = Objects.requireNonNull(name, "name");
            this.isDefault = isDefault;
            this.deleted = deleted;
            this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        }

        public static Policy of(String id, String name, boolean isDefault, boolean deleted, String updatedAt) {
            return new Policy(id, name, isDefault, deleted, updatedAt);
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        /** Whether this is the account's default profile. */
        public boolean isDefault() {
            return isDefault;
        }

        public boolean deleted() {
            return deleted;
        }

        public String updatedAt() {
            return updatedAt;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("name", name);
            json.put("default", isDefault);
            json.put("deleted", deleted);
            json.put("updated_at", updatedAt);
            return json;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Policy && toJson().equals(((Policy) o).toJson());
        }

        @Override
        public int hashCode() {
            return toJson().hashCode();
        }

        @Override
        public String toString() {
            return "Policy" + toJson();
        }
    }
}
