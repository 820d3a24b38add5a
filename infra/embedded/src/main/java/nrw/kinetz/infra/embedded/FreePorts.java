package nrw.kinetz.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks TCP ports on the loopback interface that are free right now.
 *
 * <p>There is always a window between choosing a port and binding it; the embedded servers retry a bind
 * that fails. Ports handed out by this JVM are not handed out again, so two servers created one after the
 * other never get the same port.
 */
public final class FreePorts {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /**
     * @return a port that is free on 127.0.0.1 at the time of the call and not yet returned by this JVM
     */
    public static int find() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = bindEphemeral();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port found on the loopback interface");
    }

    /**
     * @return whether {@code port} can be bound on 127.0.0.1 right now
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int bindEphemeral() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a socket on the loopback interface", e);
        }
    }
}
