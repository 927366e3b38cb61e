/** The floor of bench/api-benchmark: a bare Spring MVC endpoint writing one PostgreSQL row. */
package org.drcc.floor;
