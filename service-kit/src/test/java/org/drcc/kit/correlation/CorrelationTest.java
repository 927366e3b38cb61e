package org.drcc.kit.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationTest {

    @AfterEach
    void clean() {
        MDC.clear();
    }

    @Test
    void aRequestKeepsTheCallersIdInItsLogContextAndAnswerAndLeavesNothingBehind() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/incidents");
        request.addHeader(Correlation.HTTP_HEADER, "ticket-4711");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> during = new AtomicReference<>();

        new CorrelationFilter().doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                during.set(MDC.get(Correlation.LOG_KEY));
            }
        });

        assertThat(during.get()).isEqualTo("ticket-4711");
        assertThat(response.getHeader(Correlation.HTTP_HEADER)).isEqualTo("ticket-4711");
        assertThat(MDC.get(Correlation.LOG_KEY)).as("not leaked to the thread's next request").isNull();
    }

    @Test
    void anIdThatCouldForgeALogLineIsReplacedByANewOne() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(Correlation.HTTP_HEADER, "x\n2026-11-30 ERROR forged line");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new CorrelationFilter().doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader(Correlation.HTTP_HEADER)).doesNotContain("\n").hasSize(36);
    }

    @Test
    void newMessagesCarryTheHandledMessagesIdElseTheLogContexts() {
        CorrelationMetaData provider = new CorrelationMetaData();
        var carried = GenericEventMessage.asEventMessage("e").withMetaData(MetaData.with(Correlation.METADATA_KEY, "from-event"));
        MDC.put(Correlation.LOG_KEY, "from-request");

        assertThat(provider.correlationDataFor(carried)).isEqualTo(Map.of(Correlation.METADATA_KEY, "from-event"));
        assertThat(provider.correlationDataFor(GenericEventMessage.asEventMessage("e")))
                .isEqualTo(Map.of(Correlation.METADATA_KEY, "from-request"));
        MDC.clear();
        assertThat(provider.correlationDataFor(GenericEventMessage.asEventMessage("e"))).isEmpty();
    }

    @Test
    void aConsumedRecordsIdIsInTheLogContextWhileItIsHandledOnly() {
        CorrelationRecords interceptor = new CorrelationRecords();
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("dr.incident.events", 0, 7, "incident-1", "{}");
        record.headers().add(Correlation.KAFKA_HEADER, "ticket-4711".getBytes(StandardCharsets.UTF_8));

        interceptor.intercept(record, null);
        assertThat(MDC.get(Correlation.LOG_KEY)).isEqualTo("ticket-4711");
        interceptor.afterRecord(record, null);
        assertThat(MDC.get(Correlation.LOG_KEY)).isNull();

        MDC.put(Correlation.LOG_KEY, "stale");
        interceptor.intercept(new ConsumerRecord<>("dr.incident.events", 0, 8, "incident-1", "{}"), null);
        assertThat(MDC.get(Correlation.LOG_KEY)).as("a record without an id gets none, not the last one's").isNull();
    }
}
