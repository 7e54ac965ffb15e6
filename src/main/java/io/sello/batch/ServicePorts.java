package io.sello.batch;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ports this service listens on (the application's and, when it has its own, the management
 * server's), learnt as each web server starts. A webhook to one of them on this machine would make the
 * service call itself, its actuator included (issue 14): such URLs are refused in every profile.
 */
class ServicePorts {
    private final Set<Integer> ports = ConcurrentHashMap.newKeySet();

    @EventListener
    public void started(WebServerInitializedEvent event) {
        add(event.getWebServer().getPort());
    }

    void add(int port) {
        if (port > 0) {
            ports.add(port);
        }
    }

    /**
     * True when {@code url} names one of this service's ports on this machine: a loopback or wildcard
     * address, or an address of one of its network interfaces, as the host resolves now.
     */
    public boolean isOwn(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        if (!ports.contains(port) || url.getHost() == null) {
            return false;
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (BatchProperties.isLoopback(host)) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (NetworkInterface.getByInetAddress(address) != null) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | SocketException | SecurityException unresolved) {
            return false;
        }
    }
}
