/**
 * Where requests to the archive enter: replay and verify ({@code /api/audit/archive/...}) and the evidence pack
 * ({@code /api/audit/evidence}). Adapters only: the answers are made in {@code org.drcc.archive}.
 */
package org.drcc.archive.web;
