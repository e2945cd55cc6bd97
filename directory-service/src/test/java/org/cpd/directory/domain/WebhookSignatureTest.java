package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signatures, checked against the specification's own example. */
class WebhookSignatureTest {

    @Test
    void signsAsTheSpecificationsExample() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void severalSecretsGiveSpaceSeparatedSignatures() {
        String a = WebhookSignature.newSecret();
        String b = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(a, b), "msg_1", 1700000000, "{}");
        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(a, "msg_1", 1700000000, "{}"),
                WebhookSignature.sign(b, "msg_1", 1700000000, "{}"));
    }

    @Test
    void secretsAreWhsecAndAtLeast24RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
