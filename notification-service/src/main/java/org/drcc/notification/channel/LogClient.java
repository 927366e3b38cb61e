package org.drcc.notification.channel;

import org.drcc.notification.command.Envelope;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** For audiences the plan gives no contact yet: the message is written to the log, and counted as sent. */
@Component
class LogClient implements ChannelClient {

    private static final Logger log = LoggerFactory.getLogger(LogClient.class);

    @Override
    public Channel channel() {
        return Channel.LOG;
    }

    @Override
    public void send(Contact contact, Envelope envelope) {
        log.info("To {} about incident {}: {}", envelope.audience(), envelope.incidentId(), envelope.subject());
    }
}
