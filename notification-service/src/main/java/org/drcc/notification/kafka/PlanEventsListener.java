package org.drcc.notification.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.contract.plan.PlanEvent;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.kafka.ContractTypes;
import org.drcc.notification.policy.ReviewReminderPolicy;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The plan's reviews due become reminders to the plan's owners, once per event (the inbox, and derived ids). */
@Component
class PlanEventsListener {

    private static final ContractTypes<PlanEvent> TYPES = ContractTypes.of(PlanEvent.class);

    private final EventInbox inbox;
    private final ReviewReminderPolicy policy;

    PlanEventsListener(EventInbox inbox, ReviewReminderPolicy policy) {
        this.inbox = inbox;
        this.policy = policy;
    }

    @KafkaListener(id = "plan-events", topics = Topics.PLAN_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        String eventId = CloudEventRecords.eventId(record);
        inbox.consume(record, TYPES, event -> policy.on(event, eventId));
    }
}
