/**
 * The AsyncAPI 3 document of every {@code dr.*.events} topic, generated from the contract module at run time
 * (each event family's records, their JSON Schemas, the CloudEvents headers, the key, the sealed personal data)
 * and served by every service at {@code /asyncapi.json}; {@code docs/asyncapi.json} is the same document.
 */
package org.drcc.kit.asyncapi;
