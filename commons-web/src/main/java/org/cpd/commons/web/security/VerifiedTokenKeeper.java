package org.cpd.commons.web.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Keeps the identity quarkus-oidc has just verified for a token the cache did not have
 * ({@link CachedTokenIdentityProvider}). Augmentors run only after a provider has returned an identity, so
 * a refused token is never kept; this one runs first of all (highest priority), so what it keeps is the
 * verifier's identity before any augmentor adds to it: a service's own grants are never kept with it.
 */
@Singleton
public class VerifiedTokenKeeper implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokens tokens;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        if (attributes != null && attributes.get(CachedTokenIdentityProvider.PENDING)
                instanceof CachedTokenIdentityProvider.Pending pending) {
            TokenCredential credential = identity.getCredential(TokenCredential.class);
            // the identity is the one verified for this very token (not another mechanism's)
            if (credential != null && pending.token().equals(credential.getToken())) {
                tokens.keep(pending.key(), identity);
            }
        }
        return Uni.createFrom().item(identity);
    }
}
