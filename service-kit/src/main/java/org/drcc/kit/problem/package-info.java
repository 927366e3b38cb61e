/**
 * The one way every service and the kit build RFC 9457 problem+json, from controller advices and from the
 * servlet filters that run before any advice. It depends on no other kit package, so that web, limits,
 * security and every service's advice can use it without a cycle.
 */
package org.drcc.kit.problem;
