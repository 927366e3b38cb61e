package org.drcc.notification.command;

/** Hands a message to its channel; throws when the channel did not accept it. */
public interface Courier {

    void deliver(Envelope envelope);
}
