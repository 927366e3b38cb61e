/** Streams the services share: what they store or send, measured on the way through. */
package org.drcc.kit.io;
