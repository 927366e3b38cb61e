package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.notification.NotificationEvent;
import org.junit.jupiter.api.Test;

class RelayRouteTest {

    sealed interface Events permits Has, Lacks {
    }

    record Has(String incidentId) implements Events {
    }

    record Lacks(String drillId) implements Events {
    }

    record Renamed(@JsonProperty("incident") String incidentId) {
    }

    @Test
    void theContractsKeyedByIncidentHaveTheFieldInEachOfTheirEvents() {
        assertThat(RelayRoute.keyedByField(IncidentEvent.class, "dr.incident.events", "incidentId").keyField())
                .isEqualTo("incidentId");
        assertThat(RelayRoute.keyedByField(NotificationEvent.class, "dr.notification.events", "incidentId").keyField())
                .isEqualTo("incidentId");
    }

    @Test
    void aRouteKeyedByAFieldOneOfItsEventsLacksIsRefusedAtTheStartNamingThatEvent() {
        assertThatThrownBy(() -> RelayRoute.keyedByField(Events.class, "dr.test.events", "incidentId"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lacks");
        assertThatThrownBy(() -> RelayRoute.keyedByField(Renamed.class, "dr.test.events", "incidentId"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Renamed");
        assertThatThrownBy(() -> RelayRoute.keyedByField(Object.class, "dr.test.events", "incidentId"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither a record nor sealed");
    }

    @Test
    void aRouteIsKeyedByAFunctionOrByAFieldNeverBothNorNeither() {
        assertThatThrownBy(() -> new RelayRoute<>(Has.class, "dr.test.events", Has::incidentId, "incidentId"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one of the two");
        assertThatThrownBy(() -> new RelayRoute<>(Has.class, "dr.test.events", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one of the two");
        assertThatThrownBy(() -> new RelayRoute<>(Events.class, "dr.test.events", null, "incidentId"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lacks");
    }

    @Test
    void theKeyIsTheTopLevelFieldWhereverItStandsNotANestedOneOfTheSameName() {
        RelayRoute<Has> route = RelayRoute.keyedByField(Has.class, "dr.test.events", "incidentId");

        assertThat(route.keyOf("{\"a\":[{\"incidentId\":\"x\"}],\"b\":{\"incidentId\":\"y\"},\"incidentId\":\"i-1\"}",
                () -> {
                    throw new AssertionError("the event was read into its class");
                })).isEqualTo("i-1");
    }

    @Test
    void aRouteKeyedByAFunctionReadsTheEvent() {
        RelayRoute<Has> route = new RelayRoute<>(Has.class, "dr.test.events", Has::incidentId);

        assertThat(route.keyOf("{}", () -> new Has("i-2"))).isEqualTo("i-2");
    }
}
