package org.drcc.console.signin;

import java.time.Instant;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A person signed in with a pasted token the services accepted: the name and roles it carries, until it expires.
 * The token is the credential, kept in the server-side session only ({@code toString} does not print it).
 */
final class PastedToken extends AbstractAuthenticationToken {

    private final String name;
    private final String token;
    private final Instant expiresAt;

    PastedToken(String name, String token, Instant expiresAt, Collection<? extends GrantedAuthority> roles) {
        super(roles);
        this.name = name;
        this.token = token;
        this.expiresAt = expiresAt;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    String token() {
        return token;
    }

    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
