/** The drill's client of incident-service: typed requests and answers of its REST API, one place for its errors. */
package org.drcc.drill.incident;
