package org.drcc.notification.channel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.PlanInForce;
import org.drcc.notification.plan.Contact;
import org.springframework.stereotype.Component;

/**
 * Finds the contact in the plan in force and hands the message to its channel's client. The target
 * is looked up at send time, not stored in the event, so keys and URLs stay out of the event store.
 */
@Component
class ChannelCourier implements Courier {

    private final PlanInForce plan;
    private final Map<Channel, ChannelClient> clients;

    ChannelCourier(PlanInForce plan, List<ChannelClient> clients) {
        this.plan = plan;
        this.clients = clients.stream().collect(Collectors.toMap(ChannelClient::channel, Function.identity()));
    }

    @Override
    public void deliver(Envelope envelope) {
        Contact contact = plan.get().contact(envelope.audience(), envelope.contact()).orElseThrow(() ->
                new IllegalStateException("the plan no longer has contact " + envelope.contact() + " of "
                        + envelope.audience()));
        clients.get(contact.channel()).send(contact, envelope);
    }
}
