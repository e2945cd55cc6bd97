package org.cpd.commons.web.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Answers a bearer token that was verified before with the identity kept for it ({@link VerifiedTokens}), and
 * otherwise answers nothing, so the next provider, quarkus-oidc's, verifies it as it would without the cache.
 * It runs first: quarkus-oidc's provider has the default priority ({@link IdentityProvider#SYSTEM_FIRST} + 1).
 * The identity it answers goes through every {@code SecurityIdentityAugmentor} as a verified one does, so a
 * service's own grants (directory's {@code LocalGrantsAugmentor}) are read on every request.
 */
@Singleton
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    public static final int PRIORITY = SYSTEM_FIRST + 1000;

    /** Request attribute: the key and token of a miss, for {@link VerifiedTokenKeeper} once it is verified. */
    static final String PENDING = "cpd.token-cache.pending";

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        TokenCredential credential = request.getToken();
        if (!tokens.enabled() || credential == null || credential.getToken() == null
                || !"bearer".equals(credential.getType())) {
            return Uni.createFrom().nullItem();
        }
        String token = credential.getToken();
        String key = VerifiedTokens.key(token);
        VerifiedTokens.Kept kept = tokens.find(key);
        if (kept == null) {
            request.setAttribute(PENDING, new Pending(key, token));
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(
                VerifiedTokens.forRequest(kept, HttpSecurityUtils.getRoutingContextAttribute(request), context));
    }

    /** A token not found in the cache: kept once the verifier has returned an identity for it. */
    record Pending(String key, String token) {
    }
}
