/**
 * Health that names the engine that is down: Kafka and S3 beside Spring Boot's database check, each answering
 * within about two seconds and remembered for a few, so that frequent health calls do not hammer an engine; the
 * database check also says when the server answers but refuses writes (the wrong side of a failover).
 */
package org.drcc.kit.health;
