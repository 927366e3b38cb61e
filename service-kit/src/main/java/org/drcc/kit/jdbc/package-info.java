/**
 * Writing to PostgreSQL in fewer round trips: the statements of a transaction sent at its commit as JDBC batches.
 */
package org.drcc.kit.jdbc;
