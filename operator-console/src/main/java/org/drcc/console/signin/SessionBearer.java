package org.drcc.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Bearer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The token of the person signed in on this request: the pasted one, or the identity provider's (renewed when due). */
@Component
class SessionBearer implements Bearer {

    private final ObjectProvider<OAuth2AuthorizedClientManager> clients;

    SessionBearer(ObjectProvider<OAuth2AuthorizedClientManager> clients) {
        this.clients = clients;
    }

    @Override
    public String token() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn instanceof PastedToken pasted) {
            return pasted.token();
        }
        OAuth2AuthorizedClientManager manager = clients.getIfAvailable();
        if (signedIn instanceof OAuth2AuthenticationToken oidc && manager != null) {
            ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
            OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(oidc.getAuthorizedClientRegistrationId()).principal(oidc)
                    .attribute(HttpServletRequest.class.getName(), request.getRequest())
                    .attribute(HttpServletResponse.class.getName(), request.getResponse()).build());
            if (client != null) {
                return client.getAccessToken().getTokenValue();
            }
        }
        throw new ApiRefusal(401, "Not signed in", "Sign in again: the console holds no token for you");
    }
}
