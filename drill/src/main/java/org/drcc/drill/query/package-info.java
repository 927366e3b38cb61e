/** The drills' read model: projected from the drill events, read by the API and the reports. */
package org.drcc.drill.query;
