package org.cpd.directory;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local webhook receiver on 127.0.0.1 (allow-listed in %test): records each request on arrival, answers 200 or what a
 * path was told, after the delay a path was given.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: the raw body, before any JSON parsing. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool()); // a slow path keeps its thread, not the others'
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Deque<Integer> queue = answers.get(path);
            Integer status = queue == null ? null : queue.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path of this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} are answered with these statuses, in order; then 200. */
    public void answer(String path, Integer... statuses) {
        answers.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    /** Requests to {@code path} are answered only after {@code delay}. */
    public void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    public List<Received> at(String path) {
        List<Received> at = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                at.add(r);
            }
        }
        return at;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
