package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** The kit's resolver answers what Axon's own answers, for every shape of command the services use and for bad ones. */
class MemberCommandTargetResolverTest {

    record RecordCommand(@TargetAggregateIdentifier String incidentId, String title) {
    }

    record VersionedRecord(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    static class FieldCommand {
        @TargetAggregateIdentifier
        private final String id;
        @TargetAggregateVersion
        private final String version;

        FieldCommand(String id, String version) {
            this.id = id;
            this.version = version;
        }
    }

    static class MethodCommand {
        @TargetAggregateIdentifier
        String target() {
            return "from-a-method";
        }
    }

    static class BaseCommand {
        @TargetAggregateIdentifier
        final String inherited = "from-the-base";
    }

    static class SubCommand extends BaseCommand {
        final String other = "not-it";
    }

    record NoTarget(String id) {
    }

    private final MemberCommandTargetResolver kit = new MemberCommandTargetResolver();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void answersWhatAxonsResolverAnswers() {
        for (Object command : List.of(new RecordCommand("incident-1", "t"), new VersionedRecord("drill-2", 7L),
                new VersionedRecord("drill-3", null), new FieldCommand("backup-4", "12"), new MethodCommand(),
                new SubCommand())) {
            VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            // twice: the second answer comes from the members found the first time
            for (int i = 0; i < 2; i++) {
                VersionedAggregateIdentifier actual = kit.resolveTarget(GenericCommandMessage.asCommandMessage(command));
                assertThat(actual.getIdentifierValue()).as(command.getClass().getSimpleName())
                        .isEqualTo(expected.getIdentifierValue());
                assertThat(actual.getVersion()).as(command.getClass().getSimpleName()).isEqualTo(expected.getVersion());
            }
        }
        assertThat(kit.resolveTarget(GenericCommandMessage.asCommandMessage(new FieldCommand("b", "12"))).getVersion())
                .isEqualTo(12L);
    }

    @Test
    void aCommandWithoutATargetOrWithAVersionThatIsNoNumberIsRefusedAsAxonRefusesIt() {
        for (Object bad : List.of(new NoTarget("x"), new RecordCommand(null, "t"), new FieldCommand("b", "twelve"))) {
            Throwable expected = catchFrom(() -> axon.resolveTarget(GenericCommandMessage.asCommandMessage(bad)));
            assertThatThrownBy(() -> kit.resolveTarget(GenericCommandMessage.asCommandMessage(bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(expected.getMessage());
        }
    }

    private static Throwable catchFrom(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("Axon's resolver accepted it");
    }
}
