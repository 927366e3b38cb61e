/**
 * S3 as every service reaches it: the {@code dr.s3.*} settings bound once, the clients built once (path-style,
 * timeouts, retries) with a client per named store, a small store of one bucket, and the probe of a bucket that the
 * health check and a writer choosing its store ask. A service passes a bucket
 * name: {@code clients.bucket("dr-metrics-reports")}.
 */
package org.drcc.kit.s3;
