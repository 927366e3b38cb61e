/**
 * What every module's tests share: the real engines once per test JVM ({@code @WithEngines}, or containers where
 * Docker is), test tokens, contract events on the broker, the contract's JSON snapshots, the OpenAPI security walk
 * and the house rules in ArchUnit, and what the benchmarks of bench/ share. Modules use it in test scope only; it knows
 * no service.
 */
package org.drcc.testsupport;
