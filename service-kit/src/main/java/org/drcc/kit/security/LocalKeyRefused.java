package org.drcc.kit.security;

/** Thrown at startup when the prod profile would check tokens with the local signing key of dr up. */
public class LocalKeyRefused extends IllegalStateException {

    LocalKeyRefused() {
        super("The 'prod' profile refuses the local signing key (dr.security.public-key): set "
                + "DR_SECURITY_JWK_SET_URI to your identity provider's JWKS URL and DR_SECURITY_ISSUER to its issuer.");
    }
}
