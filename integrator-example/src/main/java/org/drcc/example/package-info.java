/** An integrator's consumer of the suite's events, written against the published contract only (docs/asyncapi.json). */
package org.drcc.example;
