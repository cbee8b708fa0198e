package io.regshift.core;

import com.squareup.moshi.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A registration: one user's WARP enrolment on one physical device, as {@code GET
 * /accounts/{account_id}/devices/registrations} and {@code .../registrations/{registration_id}}
 * return it. What the deprecated device endpoints called a device is a registration; its ID is
 * what they called a device ID.
 *
 * <p>Read it from JSON with {@code CloudflareJson.moshi().adapter(Registration.class)} (unknown
 * fields are ignored). Fields the API reference marks as always present are plain strings, null
 * only if a response left them out; the others are {@code Optional}. Timestamps are the RFC 3339
 * strings Cloudflare sent, unparsed, so that they pass through unchanged.
 */
public final class Registration {
    private String id;

    @Json(name = "created_at")
    private String createdAt;

    @Json(name = "updated_at")
    private String updatedAt;

    @Json(name = "last_seen_at")
    private String lastSeenAt;

    @Json(name = "deleted_at")
    private String deletedAt;

    @Json(name = "revoked_at")
    private String revokedAt;

    private String key;

    @Json(name = "key_type")
    private String keyType;

    @Json(name = "tunnel_type")
    private String tunnelType;

    @Json(name = "virtual_ipv4")
    private String virtualIpv4;

    @Json(name = "virtual_ipv6")
    private String virtualIpv6;

    private Device device;
    private User user;
    private Policy policy;

    private Registration() {}

    /** The registration ID: what the deprecated endpoints called the device ID. */
    public String id() {
        return id;
    }

    /** {@code created_at}. */
    public String createdAt() {
        return createdAt;
    }

    /** {@code updated_at}. */
    public String updatedAt() {
        return updatedAt;
    }

    /** {@code last_seen_at}. */
    public String lastSeenAt() {
        return lastSeenAt;
    }

    /** {@code deleted_at}, if the registration was deleted. */
    public Optional<String> deletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    /** {@code revoked_at}, if the registration is revoked. */
    public Optional<String> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    /** The public key the WARP client connects with. */
    public String key() {
        return key;
    }

    /** {@code key_type}, e.g. {@code curve25519} (WireGuard) or {@code secp256r1} (MASQUE). */
    public Optional<String> keyType() {
        return Optional.ofNullable(keyType);
    }

    /** {@code tunnel_type}, e.g. {@code wireguard} or {@code masque}. */
    public Optional<String> tunnelType() {
        return Optional.ofNullable(tunnelType);
    }

    public Optional<String> virtualIpv4() {
        return Optional.ofNullable(virtualIpv4);
    }

    public Optional<String> virtualIpv6() {
        return Optional.ofNullable(virtualIpv6);
    }

    /** The physical device the registration is on, as embedded in it. */
    public Device device() {
        return device;
    }

    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /** The device settings profile; present only when asked for with {@code include=policy}. */
    public Optional<Policy> policy() {
        return Optional.ofNullable(policy);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Registration)) {
            return false;
        }
        Registration other = (Registration) o;
        return Objects.equals(id, other.id)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(updatedAt, other.updatedAt)
                && Objects.equals(lastSeenAt, other.lastSeenAt)
                && Objects.equals(deletedAt, other.deletedAt)
                && Objects.equals(revokedAt, other.revokedAt)
                && Objects.equals(key, other.key)
                && Objects.equals(keyType, other.keyType)
                && Objects.equals(tunnelType, other.tunnelType)
                && Objects.equals(virtualIpv4, other.virtualIpv4)
                && Objects.equals(virtualIpv6, other.virtualIpv6)
                && Objects.equals(device, other.device)
                && Objects.equals(user, other.user)
                && Objects.equals(policy, other.policy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                createdAt,
                updatedAt,
                lastSeenAt,
                deletedAt,
                revokedAt,
                key,
                keyType,
                tunnelType,
                virtualIpv4,
                virtualIpv6,
                device,
                user,
                policy);
    }

    /** Names the registration and its device, never its key. */
    @Override
    public String toString() {
        return "Registration{"
                + id
                + " on "
                + (device == null ? "no device" : device.id)
                + (revokedAt == null ? "" : ", revoked " + revokedAt)
                + (deletedAt == null ? "" : ", deleted " + deletedAt)
                + "}";
    }

    /** The physical device embedded in a registration: {@code {id, name, client_version}}. */
    public static final class Device {
        private String id;
        private String name;

        @Json(name = "client_version")
        private String clientVersion;

        private Device() {}

        /** The physical device's ID: {@code GET .../devices/physical-devices/{device_id}} takes it. */
        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        /** The WARP client's version. */
        public Optional<String> clientVersion() {
            return Optional.ofNullable(clientVersion);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Device)) {
                return false;
            }
            Device other = (Device) o;
            return Objects.equals(id, other.id)
                    && Objects.equals(name, other.name)
                    && Objects.equals(clientVersion, other.clientVersion);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, name, clientVersion);
        }

        @Override
        public String toString() {
            return "Device{" + id + ", " + name + "}";
        }
    }

    /**
     * A user as registrations, physical devices ({@code last_seen_user}) and the deprecated device
     * objects show one: {@code {id, email, name}}, each optional.
     */
    public static final class User {
        private String id;
        private String email;
        private String name;

        private User() {}

        public Optional<String> id() {
            return Optional.ofNullable(id);
        }

        public Optional<String> email() {
            return Optional.ofNullable(email);
        }

        public Optional<String> name() {
            return Optional.ofNullable(name);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof User)) {
                return false;
            }
            User other = (User) o;
            return Objects.equals(id, other.id)
                    && Objects.equals(email, other.email)
                    && Objects.equals(name, other.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, email, name);
        }

        @Override
        public String toString() {
            return "User{" + id + "}";
        }
    }

    /** A device settings profile: {@code {id, name, default, deleted, updated_at}}. */
    public static final class Policy {
        private String id;
        private String name;

        @Json(name = "default")
        private boolean isDefault;

        private boolean deleted;

        @Json(name = "updated_at")
        private String updatedAt;

        private Policy() {}

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        /** Whether it is the account's default profile. */
        public boolean isDefault() {
            return isDefault;
        }

        public boolean deleted() {
            return deleted;
        }

        /** When the profile last changed for the registration. */
        public String updatedAt() {
            return updatedAt;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Policy)) {
                return false;
            }
            Policy other = (Policy) o;
            return isDefault == other.isDefault
                    && deleted == other.deleted
                    && Objects.equals(id, other.id)
                    && Objects.equals(name, other.name)
                    && Objects.equals(updatedAt, other.updatedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, name, isDefault, deleted, updatedAt);
        }

        @Override
        public String toString() {
            return "Policy{" + id + ", " + name + "}";
        }
    }
}
