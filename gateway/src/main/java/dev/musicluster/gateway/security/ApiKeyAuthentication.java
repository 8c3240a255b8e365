package dev.musicluster.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * API keys through Quarkus security: a key in {@code X-API-Key} (or {@code Authorization: Bearer}) becomes an
 * identity with the role {@code writer}; no key leaves the request anonymous, and the HTTP permissions in
 * application.properties decide what an anonymous request may do (reads, by default, and nothing that writes).
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism, IdentityProvider<TokenAuthenticationRequest> {

    static final String HEADER = "X-API-Key";
    static final String ROLE = "writer";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    public ApiKeyAuthentication(@ConfigProperty(name = "musicluster.gateway.api-keys") Optional<List<String>> keys) {
        this.keys = ApiKeys.parse(keys.orElse(List.of()));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = context.request().getHeader(HEADER);
        String authorization = context.request().getHeader("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            key = authorization.substring(BEARER.length()).strip();
        }
        if (key == null || key.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(key, "api-key")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "ApiKey header=\"" + HEADER + "\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return keys.match(request.getToken().getToken())
                .<Uni<SecurityIdentity>>map(name -> Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(name)).addRole(ROLE).addCredential(request.getToken()).build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown API key")));
    }
}
