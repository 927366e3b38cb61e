/**
 * The operator CLI {@code dr} (picocli): {@code dr up} starts the engines and the services as child JVMs; the other
 * commands call the services' HTTP APIs with a bearer token, as any client would, and never their code.
 */
package org.drcc.cli;
