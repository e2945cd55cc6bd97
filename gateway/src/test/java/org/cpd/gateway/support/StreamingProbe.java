package org.cpd.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A backend that reads and writes bodies in timed pieces, reporting when bytes really arrived. WireMock
 * reads a whole request before answering, so it cannot show whether the gateway streams.
 */
final class StreamingProbe {

    private StreamingProbe() {
    }

    static void install(HttpServer server) {
        server.createContext("/api/v1/probe/upload", StreamingProbe::upload);
        server.createContext("/api/v1/probe/download", StreamingProbe::download);
        server.createContext("/api/v1/probe/ping", StreamingProbe::ping);
    }

    /** Counts the body; answers when the first byte arrived (epoch ms) and how many came in total. */
    private static void upload(HttpExchange exchange) throws IOException {
        Drain request = Drain.of(exchange.getRequestBody(), 1);
        byte[] body = ("{\"firstByteAt\":" + request.markReachedAt() + ",\"bytes\":" + request.total() + ",\"transferEncoding\":\""
                + exchange.getRequestHeaders().getFirst("Transfer-Encoding") + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void ping(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = "{\"pong\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends {@code size} bytes chunked: 1 MiB, then a pause of {@code pauseMs}, then the rest. */
    private static void download(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        long size = param(query, "size", 8L << 20);
        long pauseMs = param(query, "pauseMs", 1000);
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0); // 0 = chunked
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long sent = 0;
        try (OutputStream out = exchange.getResponseBody()) {
            while (sent < size) {
                int n = (int) Math.min(chunk.length, size - sent);
                out.write(chunk, 0, n);
                sent += n;
                if (sent == (1L << 20)) {
                    out.flush();
                    sleep(pauseMs);
                }
            }
        }
    }

    private static long param(String query, String name, long fallback) {
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    return Long.parseLong(kv[1]);
                }
            }
        }
        return fallback;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
