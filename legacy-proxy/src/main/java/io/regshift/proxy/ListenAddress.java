package io.regshift.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where the proxy listens: {@code HOST:PORT}, with IPv6 hosts in brackets ({@code [::1]:8787}). */
record ListenAddress(String host, int port) {
    ListenAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("listen host is empty; expected HOST:PORT such as 127.0.0.1:8787");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "listen port " + port + " is out of range; expected 0 to 65535 (0: any free port)");
        }
    }

    /**
     * Parses {@code HOST:PORT}.
     *
     * @throws IllegalArgumentException naming the value and the expected form
     */
    static ListenAddress parse(String value) {
        String v = value == null ? "" : value.strip();
        int colon = v.lastIndexOf(':');
        String host = colon < 0 ? "" : v.substring(0, colon);
        String port = colon < 0 ? "" : v.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            host = ""; // an IPv6 address without brackets: the port can't be told apart
        }
        if (host.isEmpty() || port.isEmpty() || !port.chars().allMatch(Character::isDigit) || port.length() > 5) {
            throw new IllegalArgumentException("listen address \"" + v
                    + "\" is not HOST:PORT; expected e.g. 127.0.0.1:8787, [::1]:8787 or 0.0.0.0:8787");
        }
        return new ListenAddress(host, Integer.parseInt(port));
    }

    /** Whether every address the host resolves to is a loopback one; false if it does not resolve. */
    boolean isLoopback() {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
