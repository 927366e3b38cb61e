package org.drcc.notification.channel;

import org.drcc.notification.command.Envelope;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.Contact;

/** One protocol: throws when the far end did not accept the message. */
interface ChannelClient {

    Channel channel();

    void send(Contact contact, Envelope envelope);
}
