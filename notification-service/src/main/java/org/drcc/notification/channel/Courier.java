package org.drcc.notification.channel;

import org.drcc.notification.command.Envelope;

/** Hands a message to its channel; throws when the channel did not accept it. */
interface Courier {

    void deliver(Envelope envelope);
}
