package org.cpd.gateway.support;

import org.cpd.testsupport.Tokens;

import java.util.UUID;

/** The callers the gateway's tests use, as test-support tokens (signed with the key the OIDC stub publishes). */
public final class Callers {

    public static final UUID TEACHER = UUID.fromString("30000000-0000-4000-8000-000000000003");

    private Callers() {
    }

    public static String teacher() {
        return practitioner("cpd-portal", TEACHER);
    }

    public static String practitioner(String client, UUID practitionerId) {
        return Tokens.builder().client(client).roles("practitioner").practitioner(practitionerId).build();
    }

    public static String machine(String client) {
        return Tokens.builder().client(client).subject("service-account-" + client).roles("mis-integration").build();
    }
}
