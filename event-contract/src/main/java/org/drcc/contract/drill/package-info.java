/**
 * The drill module's events on {@code dr.drill.events} (sealed {@code DrillEvent}): a drill started, its incident,
 * each step, passed or failed, its report stored. Each record's {@code @JsonTypeName} is its versioned CloudEvents
 * type; the drill's aggregate stores these very records, so their class names stay put.
 */
package org.drcc.contract.drill;
