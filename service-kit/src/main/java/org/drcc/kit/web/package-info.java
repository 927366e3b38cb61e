/** RFC 9457 problem+json for every error of every service, with 400s that name the field at fault and why. */
package org.drcc.kit.web;
