package io.synergy.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on 127.0.0.1. A port is free when asked and may be taken by someone else before the
 * broker binds it; {@link KraftBroker} retries with new ports when that happens.
 */
final class LoopbackPorts {

    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /** {@code count} distinct ports that were free a moment ago. */
    static int[] free(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                // held open until all are chosen, so the same port is not handed out twice
                sockets[i] = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                sockets[i].setReuseAddress(true);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("ports: no free TCP port on " + HOST, e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // a socket that was only listening has nothing to lose on close
        }
    }
}
