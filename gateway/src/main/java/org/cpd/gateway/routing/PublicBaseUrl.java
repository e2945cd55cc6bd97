package org.cpd.gateway.routing;

import io.vertx.core.MultiMap;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scheme, host and path prefix clients reach the gateway at, so links the services write with their
 * own address can be rewritten to it. In order: what a trusted proxy says ({@code Forwarded}, else
 * {@code X-Forwarded-Proto/Host/Port/Prefix}), the configured public base URL, the request's own scheme
 * and host. Headers from anyone else are ignored: a client must not choose where others' links point.
 */
public final class PublicBaseUrl {

    private static final Pattern FORWARDED_PAIR = Pattern.compile("(?i)\\b(proto|host)=(\"[^\"]*\"|[^;,\\s]*)");
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");
    private static final Pattern SAFE_PREFIX = Pattern.compile("(/[A-Za-z0-9._~\\-]+)*/?");

    private final List<Cidr> trustedProxies;
    private final Optional<URI> configured;

    public PublicBaseUrl(List<String> trustedProxies, Optional<URI> configured) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        this.configured = configured;
    }

    /** The base without a trailing slash, e.g. {@code https://api.example.org/cpd}. */
    public String resolve(String remoteAddress, MultiMap headers, String scheme, String authority) {
        if (remoteAddress != null && trusted(remoteAddress)) {
            Optional<String> forwarded = fromForwarded(headers.get("Forwarded"))
                    .or(() -> fromXForwarded(headers));
            if (forwarded.isPresent()) {
                return forwarded.get();
            }
        }
        if (configured.isPresent()) {
            return stripSlash(configured.get().toString());
        }
        return (scheme == null ? "http" : scheme) + "://" + authority;
    }

    boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(c -> c.contains(address));
    }

    /** RFC 7239: the first element was added by the proxy nearest the client, the one the client called. */
    private static Optional<String> fromForwarded(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String first = header.split(",", 2)[0];
        String proto = null;
        String host = null;
        Matcher m = FORWARDED_PAIR.matcher(first);
        while (m.find()) {
            String value = m.group(2).replace("\"", "");
            if (m.group(1).equalsIgnoreCase("proto")) {
                proto = value;
            } else {
                host = value;
            }
        }
        return build(proto, host, null, null);
    }

    private static Optional<String> fromXForwarded(MultiMap headers) {
        return build(first(headers.get("X-Forwarded-Proto")), first(headers.get("X-Forwarded-Host")),
                first(headers.get("X-Forwarded-Port")), first(headers.get("X-Forwarded-Prefix")));
    }

    private static Optional<String> build(String proto, String host, String port, String prefix) {
        if (host == null || !SAFE_HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        String scheme = proto != null && proto.toLowerCase(Locale.ROOT).matches("https?") ? proto.toLowerCase(Locale.ROOT) : "http";
        String authority = host;
        boolean hasPort = host.matches(".*:\\d+$");
        if (!hasPort && port != null && port.matches("\\d{1,5}")
                && !(scheme.equals("https") && port.equals("443")) && !(scheme.equals("http") && port.equals("80"))) {
            authority = host + ":" + port;
        }
        String path = prefix != null && SAFE_PREFIX.matcher(prefix).matches() ? stripSlash(prefix) : "";
        return Optional.of(scheme + "://" + authority + path);
    }

    private static String first(String value) {
        return value == null ? null : value.split(",", 2)[0].trim();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** An address or a range of them ({@code 10.0.0.0/8}, {@code ::1}). */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String spec) {
            String[] parts = spec.split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("Not an IP address or range: " + spec);
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            return new Cidr(address, bits);
        }

        boolean contains(String candidate) {
            byte[] address = literal(candidate);
            if (address == null || address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of an IP literal, without any name lookup (null for anything else). */
        private static byte[] literal(String text) {
            String t = text.trim();
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            if (!t.matches("[0-9.]+") && !(t.contains(":") && t.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+"))) {
                return null;
            }
            try {
                return InetAddress.getByName(t).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
