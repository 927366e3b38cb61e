package org.drcc.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.incident.ChecklistAssignedEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.junit.jupiter.api.Test;

class ContractTypesTest {

    private static final ContractTypes<IncidentEvent> ALL = ContractTypes.of(IncidentEvent.class);
    private static final String DECLARED = ContractTypes.typeOf(IncidentDeclaredEvent.class);
    private static final String CLOSED = ContractTypes.typeOf(IncidentClosedEvent.class);
    private static final String CHECKLIST = ContractTypes.typeOf(ChecklistAssignedEvent.class);

    @Test
    void aConsumerThatActsOnAFewTypesReadsThoseAndNoOther() {
        ContractTypes<IncidentEvent> some = ALL.only(List.of(IncidentDeclaredEvent.class, IncidentClosedEvent.class));

        assertThat(some.classOf(DECLARED)).contains(IncidentDeclaredEvent.class);
        assertThat(some.classOf(CLOSED)).contains(IncidentClosedEvent.class);
        assertThat(some.classOf(CHECKLIST)).isEmpty();
        assertThat(some.all()).hasSize(2);
        assertThat(ALL.classOf(CHECKLIST)).as("the contract's types unchanged").contains(ChecklistAssignedEvent.class);
    }

    @Test
    void aConsumerThatSkipsAFewTypesReadsEveryOther() {
        ContractTypes<IncidentEvent> most = ALL.except(List.of(ChecklistAssignedEvent.class));

        assertThat(most.classOf(CHECKLIST)).isEmpty();
        assertThat(most.classOf(DECLARED)).contains(IncidentDeclaredEvent.class);
        assertThat(most.all()).hasSize(ALL.all().size() - 1);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aTypeOfAnotherContractIsRefusedNotSilentlyIgnored() {
        List wrong = List.of(BackupCompletedEvent.class);
        assertThatThrownBy(() -> ALL.only(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BackupCompletedEvent");
        assertThat(BackupEvent.class).isAssignableFrom(BackupCompletedEvent.class);
    }
}
