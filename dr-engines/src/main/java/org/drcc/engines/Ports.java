package org.drcc.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port checks. */
public final class Ports {

    private Ports() {
    }

    /**
     * Ports handed out by {@link #free(int)} start here: above this project's own defaults (the services' 808x, the
     * engines' 15432 and 19000-19093, which a developer's ./dr up may be using), below the range the system takes the
     * local ports of outgoing connections from.
     */
    static final int LOWEST = 20_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of that range, where the system does not say (and below macOS's and Windows' 49152). */
    private static final int EPHEMERAL_DEFAULT = 32_768;
    /** Room left under that range for the second instances the suite starts a few ports above the first. */
    private static final int HEADROOM = 1_000;
    /**
     * Ports left out after each search: a suite starts second instances a few ports above the first ones it was given
     * ({@code dr up --instance-port-step}), and the next search must not hand those out meanwhile.
     */
    private static final int GAP = 100;
    /**
     * {@code k/n} (1 ≤ k ≤ n): this JVM searches only the k-th of n equal bands of the range. The JVMs of one build
     * that run side by side (failsafe's {@code forkCount}, which numbers them) then never hand out the same port,
     * which their random starts alone make only unlikely: a suite test gives its ports up while it restarts a suite
     * and takes them again, and another JVM's search must not find them free meanwhile. Unset: the whole range.
     */
    static final String BAND_PROPERTY = "dr.ports.band";
    /** Where this JVM's next search starts, as an offset from the start of its band; -1 until the first search. */
    private static int next = -1;

    public static int free() {
        return free(1).get(0);
    }

    /**
     * {@code count} free ports, all different: each is held open until all are chosen. Asked one at a time, the system
     * may give the same port twice (it is free again once the first socket closes), and a suite whose Kafka listener
     * and controller got the same port did not start.
     *
     * <p>They are taken below the system's ephemeral range, not from it as a bind to port 0 would: between the choice
     * and the moment a service listens on it (a minute on a loaded machine), the dozens of connections that the suite's
     * JVMs open to PostgreSQL and Kafka may each be given that very port as their local one, and the service then fails
     * to start with "address already in use". The system gives no such port below the range; the JDK has no call for
     * "a free port outside it", hence this search. It goes on a little past where this JVM's last search stopped, so
     * that a port it handed out is not handed out again before its taker had time to listen on it (nor the ports
     * just above, see {@link #GAP}); its first start is random, so that the JVMs of a parallel build, or two builds
     * on one machine, search in different places.
     */
    public static List<Integer> free(int count) {
        int top = ephemeralStart() - HEADROOM;
        if (top - LOWEST < 100 * count) {
            return systemChosen(count);
        }
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] band = band(System.getProperty(BAND_PROPERTY));
            int low = LOWEST + (band[0] - 1) * ((top - LOWEST) / band[1]);
            // a band's last GAP ports are left for the second instances a few ports above the ones handed out
            int span = (top - LOWEST) / band[1] - (band[1] > 1 ? GAP : 0);
            top = low + span;
            synchronized (Ports.class) {
                int start = next < 0 ? ThreadLocalRandom.current().nextInt(span) : next % span;
                int i = 0;
                for (; i < span && held.size() < count; i++) {
                    ServerSocket socket = bound(low + (start + i) % span);
                    if (socket != null) {
                        held.add(socket);
                    }
                }
                next = (start + i + GAP) % span;
            }
            if (held.size() < count) {
                throw new UncheckedIOException(new IOException("no " + count + " free ports between " + low + " and " + top));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            closeAll(held);
        }
    }

    /** {@code {k, n}} from {@link #BAND_PROPERTY}'s {@code k/n}; {@code {1, 1}} (the whole range) when unset. */
    static int[] band(String value) {
        if (value == null || value.isBlank()) {
            return new int[] {1, 1};
        }
        String[] parts = value.trim().split("/");
        try {
            int k = Integer.parseInt(parts[0]);
            int n = Integer.parseInt(parts[1]);
            if (parts.length == 2 && k >= 1 && k <= n && n <= 16) {
                return new int[] {k, n};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // named below
        }
        throw new IllegalArgumentException(BAND_PROPERTY + " must be k/n with 1 <= k <= n <= 16, was '" + value + "'");
    }

    /** The first port of the range the system gives outgoing connections, as Linux says it; its default elsewhere. */
    static int ephemeralStart() {
        try {
            // read line by line: the file says it is empty, and Files.readString then reads its first byte only
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return EPHEMERAL_DEFAULT;
        }
    }

    /** A socket listening on {@code port} on every address (as the services do), or null when something has it. */
    private static ServerSocket bound(int port) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            // no address reuse (the JDK's default for a server socket on Linux and macOS): with it, macOS lets this bind
            // succeed beside a server listening on 127.0.0.1 only; without it, a port in TIME_WAIT is skipped too
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return socket;
        } catch (IOException e) {
            closeAll(socket == null ? List.of() : List.of(socket));
            return null;
        }
    }

    /** Ports the system picks, where it leaves too few below its ephemeral range. */
    private static List<Integer> systemChosen(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + count + " free loopback ports", e);
        } finally {
            closeAll(held);
        }
    }

    private static void closeAll(List<ServerSocket> sockets) {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // the port was only being looked at
            }
        }
    }

    /** True when another program listens on the port; connections closing in TIME_WAIT do not count. */
    public static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
