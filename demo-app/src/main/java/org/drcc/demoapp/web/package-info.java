/** The HTTP API: the shop, the release in service and its deployments, stopping an instance; who may call what; problem+json. */
package org.drcc.demoapp.web;
