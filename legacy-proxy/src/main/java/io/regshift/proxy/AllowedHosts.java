package io.regshift.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a request may give the proxy in its {@code Host} header or absolute URI: its own. A
 * request naming any other host was meant for somewhere else (a forward-proxy request, a forged or
 * rebound name) and is refused with 421; it is never forwarded, whatever it names.
 *
 * <p>Allowed: the listen host and its addresses, the loopback names, the address the connection
 * arrived on, the machine's own name when listening on every interface, and names given with
 * {@link LegacyProxy.Builder#allowHost} (a load balancer's, say).
 */
final class AllowedHosts {
    private final Set<String> names;

    private AllowedHosts(Set<String> names) {
        this.names = names;
    }

    static AllowedHosts of(String listenHost, Collection<String> extra) {
        Set<String> names = new TreeSet<>();
        names.add(normalise(listenHost));
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        try {
            InetAddress listen = InetAddress.getByName(listenHost);
            names.add(normalise(listen.getHostAddress()));
            if (listen.isAnyLocalAddress()) {
                InetAddress self = InetAddress.getLocalHost();
                names.add(normalise(self.getHostName()));
                names.add(normalise(self.getCanonicalHostName()));
            }
        } catch (UnknownHostException | SecurityException e) {
            // The listen host is checked when the server binds; the names above remain.
        }
        for (String name : extra) {
            names.add(normalise(name));
        }
        return new AllowedHosts(Set.copyOf(names));
    }

    /** Whether {@code host} (from the request, port already removed) names this proxy. */
    boolean allows(String host, String localAddress) {
        if (host == null || host.isEmpty()) {
            return true; // HTTP/1.0 without Host: nothing was named
        }
        String h = normalise(host);
        return names.contains(h) || (localAddress != null && h.equals(normalise(localAddress)));
    }

    Set<String> names() {
        return names;
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
