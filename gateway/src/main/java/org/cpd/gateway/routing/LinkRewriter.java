package org.cpd.gateway.routing;

import io.vertx.core.MultiMap;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the links in a service's answer ({@code Location}, {@code Content-Location}, {@code Link}) that
 * name the service's own address at the gateway's public one instead: a client following them stays on
 * the gateway. Relative links and links elsewhere are left as they are.
 */
final class LinkRewriter {

    private static final Pattern LINK_TARGET = Pattern.compile("<([^>]*)>");
    private static final List<String> SINGLE_URL_HEADERS = List.of("Location", "Content-Location");

    private LinkRewriter() {
    }

    static void rewrite(MultiMap headers, URI backend, String publicBase) {
        for (String name : SINGLE_URL_HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                headers.set(name, url(value.trim(), backend, publicBase));
            }
        }
        List<String> links = headers.getAll("Link");
        if (!links.isEmpty()) {
            List<String> rewritten = links.stream().map(link -> {
                Matcher m = LINK_TARGET.matcher(link);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement("<" + url(m.group(1), backend, publicBase) + ">"));
                }
                m.appendTail(out);
                return out.toString();
            }).toList();
            headers.remove("Link");
            rewritten.forEach(link -> headers.add("Link", link));
        }
    }

    static String url(String value, URI backend, String publicBase) {
        URI target;
        try {
            target = URI.create(value);
        } catch (IllegalArgumentException e) {
            return value;
        }
        if (!target.isAbsolute() || target.getHost() == null
                || !target.getHost().equalsIgnoreCase(backend.getHost())
                || port(target) != port(backend)
                || !target.getScheme().equalsIgnoreCase(backend.getScheme())) {
            return value;
        }
        String rest = value.substring(value.indexOf(target.getRawAuthority()) + target.getRawAuthority().length());
        return publicBase + rest;
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
}
