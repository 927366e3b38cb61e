/**
 * The services' HTTP APIs as the console calls them: where they are ({@code ConsoleServices}), one call with the
 * signed-in person's token ({@code ServiceApi}), and a refusal's problem+json kept as the reason to show
 * ({@code ApiRefusal}).
 */
package org.drcc.console.api;
