package org.drcc.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A stand-in for one of the suite's services on a free loopback port, for the CLI's tests without a suite. */
final class StandIn implements AutoCloseable {

    private final HttpServer server;

    StandIn(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", handler);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code args} with {@code --<service>-url} pointing here and a token. */
    String[] args(String service, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--" + service + "-url";
        all[args.length + 1] = url();
        all[args.length + 2] = "--token";
        all[args.length + 3] = "t0ken";
        return all;
    }

    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
