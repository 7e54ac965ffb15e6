package io.sello.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that only counts who connects. Every URL a hostile case plants points here, in
 * every spelling (127.0.0.1, [::ffff:127.0.0.1], 2130706433, 0x7f000001…), so a count above zero is an
 * outbound connection the service should never have made. Shared by the hostile suite and the HTML
 * engine's confinement test, which plant the same URLs at different layers.
 */
public final class TrapServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    public TrapServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepter = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try (Socket ignored = socket.accept()) {
                            connections.incrementAndGet();
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "trap-server");
        accepter.setDaemon(true);
        accepter.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket in a test's teardown
        }
    }

    /** A legitimate webhook host (localhost is allowed) whose only answer is a redirect into the trap. */
    public static final class Redirector implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger hits = new AtomicInteger();
        private volatile String location = "http://127.0.0.1:1/";

        public Redirector() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                hits.incrementAndGet();
                exchange.getResponseHeaders().add("Location", location);
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.start();
        }

        public void redirectTo(String url) {
            location = url;
        }

        public int port() {
            return server.getAddress().getPort();
        }

        public int hits() {
            return hits.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
