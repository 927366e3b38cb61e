/**
 * The real engines with nothing installed: PostgreSQL 15 from embedded binaries, a Kafka KRaft broker and S3Mock
 * as child JVMs, the generated Food Truck database, and the local signing key and tokens that stand in for an
 * identity provider. Used by {@code dr up} and by the tests; it knows no service.
 */
package org.drcc.engines;
