/**
 * Who is signed in and with which token. Locally the operator pastes the token of {@code dr login}
 * ({@code SignInController}); the console keeps it only if incident-service accepts it, in the server-side session
 * behind an HttpOnly cookie, and never shows it back. In production the identity provider's login (OpenID Connect,
 * {@code ConsoleSecurity}) gives the access token. {@code SessionBearer} hands the one or the other to the API calls.
 */
package org.drcc.console.signin;
