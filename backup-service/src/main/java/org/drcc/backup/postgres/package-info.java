/**
 * PostgreSQL itself: the client tools (pg_dump, pg_restore) as processes, the manifest of a database (row
 * counts and checksums per table, read over one or several connections), scratch databases on the protected
 * database's server, and the parallel compression of pg_dump's custom-format archive.
 */
package org.drcc.backup.postgres;
