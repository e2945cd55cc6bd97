package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.cpd.commons.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where webhooks may go: each refusal has its own slug; the allow-list lets a named host through, http too. */
class WebhookUrlRuleTest {

    /** Resolves every name to the one address given, without DNS. */
    private static WebhookUrlRule.Resolver to(String address) {
        return host -> List.of(InetAddress.getByName(address));
    }

    private static String slugOf(String url, WebhookUrlRule.Resolver resolver) {
        try {
            WebhookUrlRule.check(url, Set.of(), resolver);
            return "accepted";
        } catch (RuleViolation v) {
            assertThat(v.kind()).isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
            return v.slug();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://mis.example.org/hook, webhook-url-not-https",
            "ftp://mis.example.org/hook, webhook-url-not-https",
            "https://user:pw@mis.example.org/hook, webhook-url-userinfo",
            "https://mis.example.org/hook#part, webhook-url-fragment",
            "/relative/hook, webhook-url-invalid",
            "https://127.0.0.1/hook, webhook-host-loopback",
            "https://[::1]/hook, webhook-host-loopback",
            "https://10.1.2.3/hook, webhook-host-private",
            "https://172.16.0.9/hook, webhook-host-private",
            "https://192.168.1.20/hook, webhook-host-private",
            "https://[fd12:3456::1]/hook, webhook-host-private",
            "https://169.254.169.254/latest/meta-data, webhook-host-link-local",
            "https://[fe80::1]/hook, webhook-host-link-local",
            "https://0.0.0.0/hook, webhook-host-any-local",
            "https://224.0.0.1/hook, webhook-host-multicast",
            "https://100.64.0.1/hook, webhook-host-carrier-grade-nat",
            "https://100.127.255.254/hook, webhook-host-carrier-grade-nat",
            "https://93.184.216.34/hook, accepted",
            "https://100.128.0.1/hook, accepted",
    })
    void literalAddresses(String url, String expected) {
        assertThat(slugOf(url, WebhookUrlRule.DNS)).isEqualTo(expected);
    }

    @Test
    void aNameIsJudgedByWhatItResolvesTo() {
        assertThat(slugOf("https://mis.example.org/hook", to("10.0.0.5"))).isEqualTo("webhook-host-private");
        assertThat(slugOf("https://mis.example.org/hook", to("93.184.216.34"))).isEqualTo("accepted");
        assertThat(slugOf("https://mis.example.org/hook", host -> List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("127.0.0.1")))).as("every address must be public").isEqualTo("webhook-host-loopback");
        assertThat(slugOf("https://nowhere.invalid/hook", host -> {
            throw new UnknownHostException(host);
        })).isEqualTo("webhook-host-unresolvable");
    }

    @Test
    void anAllowListedHostMayBeLocalAndUseHttp() {
        assertThat(WebhookUrlRule.check("http://127.0.0.1:8089/hook", Set.of("127.0.0.1"), WebhookUrlRule.DNS).getPort())
                .isEqualTo(8089);
        assertThat(WebhookUrlRule.check("https://MIS-bridge.internal/hook", Set.of("mis-bridge.internal"), host -> {
            throw new UnknownHostException(host);
        })).isNotNull();
        assertThatThrownBy(() -> WebhookUrlRule.check("ftp://127.0.0.1/hook", Set.of("127.0.0.1"), WebhookUrlRule.DNS))
                .isInstanceOf(RuleViolation.class).extracting("slug").isEqualTo("webhook-url-not-https");
        assertThatThrownBy(() -> WebhookUrlRule.check("http://user@127.0.0.1/hook", Set.of("127.0.0.1"), WebhookUrlRule.DNS))
                .isInstanceOf(RuleViolation.class).extracting("slug").isEqualTo("webhook-url-userinfo");
    }
}
