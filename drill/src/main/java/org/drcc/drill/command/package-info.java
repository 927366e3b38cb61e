/** The drill as an Axon aggregate: its commands, and the rules that pass or fail it against the scenario's targets. */
package org.drcc.drill.command;
