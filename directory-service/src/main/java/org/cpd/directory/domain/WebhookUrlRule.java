package org.cpd.directory.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.cpd.commons.domain.RuleViolation;

/**
 * Where the suite may send webhooks (docs/integrations.md#webhooks): an absolute https URL without user info or
 * fragment, whose host resolves to public addresses only: never loopback, private (RFC 1918, unique-local IPv6),
 * link-local, any-local, multicast or carrier-grade NAT, so a subscription cannot make the suite call inside its own
 * network. A host of the configured allow-list skips the address checks and may use http. Checked when a
 * subscription is registered or changed, and again before each delivery (DNS may have changed).
 */
public final class WebhookUrlRule {

    /** Resolves a host name to its addresses (the JDK's resolver in the service; a fixed answer in unit tests). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    private WebhookUrlRule() {
    }

    /** The URL, parsed, or the refusal (422, each with its own slug). */
    public static URI check(String url, Collection<String> allowedHosts, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw refused("webhook-url-invalid", "The webhook URL is not a URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused("webhook-url-invalid", "The webhook URL is not an absolute http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("webhook-url-userinfo", "The webhook URL may not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw refused("webhook-url-fragment", "The webhook URL may not have a fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = hostOf(uri);
        boolean allowListed = allowedHosts.stream().anyMatch(h -> h.equalsIgnoreCase(host));
        if (!scheme.equals("https") && !(allowListed && scheme.equals("http"))) {
            throw refused("webhook-url-not-https", "The webhook URL must use https");
        }
        if (allowListed) {
            return uri;
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            throw refused("webhook-host-unresolvable", "The webhook URL's host does not resolve");
        }
        if (addresses.isEmpty()) {
            throw refused("webhook-host-unresolvable", "The webhook URL's host does not resolve");
        }
        for (InetAddress address : addresses) {
            requirePublic(address);
        }
        return uri;
    }

    /** The host without IPv6 brackets. */
    public static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static void requirePublic(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            throw refused("webhook-host-any-local", "The webhook URL's host is the any-local address");
        }
        if (address.isLoopbackAddress()) {
            throw refused("webhook-host-loopback", "The webhook URL's host is a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            throw refused("webhook-host-link-local", "The webhook URL's host is a link-local address");
        }
        if (address.isMulticastAddress()) {
            throw refused("webhook-host-multicast", "The webhook URL's host is a multicast address");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                throw refused("webhook-host-carrier-grade-nat", "The webhook URL's host is a carrier-grade NAT address");
            }
            if (address.isSiteLocalAddress()) { // 10/8, 172.16/12, 192.168/16
                throw refused("webhook-host-private", "The webhook URL's host is a private address");
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) { // fc00::/7 unique-local, fec0::/10
                throw refused("webhook-host-private", "The webhook URL's host is a private address");
            }
        }
    }

    private static RuleViolation refused(String slug, String detail) {
        return RuleViolation.unprocessable(slug, detail);
    }
}
