/**
 * The HTTP API: {@code /api/backups}, {@code /api/restores}, {@code /api/policies}, {@code /api/retention} and
 * {@code /api/holds}, and refusals as problem+json. Backups, verifications and restores are started in
 * {@code job} and answered 202; the controllers decide nothing the aggregate or the jobs decide.
 */
package org.drcc.backup.web;
