/** Runs a drill: chooses its backup, breaks and repairs scratch copies, walks its incident, stores its report. */
package org.drcc.drill.job;
