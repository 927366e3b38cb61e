/**
 * The backups' objects in S3: multipart uploads streamed through a few part-sized buffers (never to local disk),
 * downloads and deletes, with each object's SHA-256 and size measured as it streams.
 */
package org.drcc.backup.storage;
