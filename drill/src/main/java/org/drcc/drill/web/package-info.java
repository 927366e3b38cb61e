/** The drills' HTTP API under {@code /api/drills}, and its refusals as problem+json. */
package org.drcc.drill.web;
