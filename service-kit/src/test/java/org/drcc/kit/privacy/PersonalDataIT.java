package org.drcc.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.drcc.contract.PersonalData;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.RoleAssignedEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal fields of events, sealed per person in a real PostgreSQL keyring: no name in the stored JSON,
 * the same event read back while the person is known, "[forgotten]" once they are, and nobody else's
 * data touched. Each test gets its own keyring database.
 */
@WithEngines(database = "incident")
class PersonalDataIT {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final IncidentTargets TARGETS = new IncidentTargets("database-corruption",
            Duration.ofHours(4), Duration.ofHours(1), false);

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path keys;

    private Engines engines;
    private Keyring keyring;
    private ObjectMapper sealing;

    @BeforeEach
    void freshKeyring(Engines engines) {
        this.engines = engines;
        keyring = newKeyring();
        sealing = sealingWith(keyring);
    }

    private Keyring newKeyring() {
        DataSource db = engines.postgres().newDatabase("keyring");
        Keyring.migrate(db);
        return new Keyring(JdbcClient.create(db), KeyEncryptionKey.fromFile(keys.resolve("keyring-kek.json")), Duration.ZERO,
                Clock.systemUTC(), null);
    }

    private static ObjectMapper sealingWith(Keyring keyring) {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .addModule(new PersonalDataModule(new PersonalDataCipher(keyring))).build();
    }

    /**
     * Each thread keeps its own MAC keyed with its keyring's pepper: many threads at once name a person alike (in any
     * letter case), and another keyring in the same process, with a pepper of its own, names them otherwise.
     */
    @Test
    void aPersonIsNamedAlikeByEveryThreadAndOtherwiseByAnotherKeyring() throws Exception {
        String expected = java.util.HexFormat.of().formatHex(keyring.lookupOf("alice@example.org"));
        Keyring other = newKeyring();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var lookups = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 400; i++) {
                String identifier = i % 2 == 0 ? "alice@example.org" : " Alice@Example.ORG ";
                Keyring k = i % 3 == 0 ? other : keyring;
                lookups.add(pool.submit(() -> (k == other ? "other:" : "")
                        + java.util.HexFormat.of().formatHex(k.lookupOf(identifier))));
            }
            String otherExpected = "other:" + java.util.HexFormat.of().formatHex(other.lookupOf("alice@example.org"));
            assertThat(otherExpected).isNotEqualTo("other:" + expected);
            for (int i = 0; i < lookups.size(); i++) {
                assertThat(lookups.get(i).get()).isEqualTo(i % 3 == 0 ? otherExpected : expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aServiceOnAnotherKeyringFailsLoudlyInsteadOfShowingForgotten() throws Exception {
        String stored = sealing.writeValueAsString(new RoleAssignedEvent("inc-1", TARGETS,
                IncidentRole.DATABASE_ADMINISTRATOR, "alice", null, "bob", T));
        ObjectMapper elsewhere = sealingWith(newKeyring());

        assertThatThrownBy(() -> elsewhere.readValue(stored, RoleAssignedEvent.class))
                .hasMessageContaining("is not in this keyring");
    }

    @Test
    void storedEventsCarryNoNameAndReadBackWhole() throws Exception {
        RoleAssignedEvent event = new RoleAssignedEvent("inc-1", TARGETS, IncidentRole.DATABASE_ADMINISTRATOR, "Alice Example",
                null, "bob@foodtruck.example", T);

        String stored = sealing.writeValueAsString(event);

        assertThat(stored).doesNotContain("Alice").doesNotContain("bob@").contains("\"person\":\"pd:v1:")
                .contains("\"actor\":\"pd:v1:").contains("\"previousPerson\":null").contains("\"incidentId\":\"inc-1\"");
        assertThat(sealing.readValue(stored, RoleAssignedEvent.class)).isEqualTo(event);
    }

    @Test
    void forgettingAPersonLeavesTheirFieldsUnreadableAndOthersIntact() throws Exception {
        String stored = sealing.writeValueAsString(new RoleAssignedEvent("inc-1", TARGETS, IncidentRole.DATABASE_ADMINISTRATOR,
                "alice", null, "bob", T));
        UUID alice = keyring.subjectOf("alice").orElseThrow();

        assertThat(keyring.forget("ALICE ")).contains(alice);

        RoleAssignedEvent read = sealing.readValue(stored, RoleAssignedEvent.class);
        assertThat(read.person()).isEqualTo(PersonalDataCipher.FORGOTTEN);
        assertThat(read.actor()).isEqualTo("bob");
        assertThat(keyring.subjectOf("alice")).isEmpty();
        assertThat(keyring.forget("alice")).isEmpty();
        // the same name acting again later gets a new key, under a new subject id
        String later = sealing.writeValueAsString(new RoleAssignedEvent("inc-2", TARGETS, IncidentRole.DATABASE_ADMINISTRATOR,
                "alice", null, "bob", T));
        assertThat(sealing.readValue(later, RoleAssignedEvent.class).person()).isEqualTo("alice");
        assertThat(keyring.subjectOf("alice")).isPresent().isNotEqualTo(java.util.Optional.of(alice));
    }

    @Test
    void aMessageBodyBelongsToTheContactItWasSentTo() throws Exception {
        NotificationScheduledEvent event = new NotificationScheduledEvent("n-1", "inc-1", "e-1", "incident-declaration",
                "tier-1", "dba-team", "carol@foodtruck.example", "email", "Incident declared",
                "Carol, the database is corrupted", T.plusSeconds(900), T);
        String stored = sealing.writeValueAsString(event);
        assertThat(stored).doesNotContain("carol").doesNotContain("Carol").contains("Incident declared");

        keyring.forget("carol@foodtruck.example");

        NotificationScheduledEvent read = sealing.readValue(stored, NotificationScheduledEvent.class);
        assertThat(read.contact()).isEqualTo(PersonalDataCipher.FORGOTTEN);
        assertThat(read.body()).isEqualTo(PersonalDataCipher.FORGOTTEN);
        assertThat(read.subject()).isEqualTo("Incident declared");
    }

    /** An aggregate's state in a snapshot: a map of role to person, each holder sealed with their own key. */
    public static class RoleHolders {
        @PersonalData
        public java.util.Map<IncidentRole, String> roles = new java.util.EnumMap<>(IncidentRole.class);
    }

    @Test
    void theHoldersInAMapAreSealedEachWithTheirOwnKey() throws Exception {
        RoleHolders holders = new RoleHolders();
        holders.roles.put(IncidentRole.DR_LEAD, "alice");
        holders.roles.put(IncidentRole.DATABASE_ADMINISTRATOR, "bob");

        String stored = sealing.writeValueAsString(holders);

        assertThat(stored).doesNotContain("alice").doesNotContain("bob").contains("\"DR_LEAD\":\"pd:v1:");
        assertThat(sealing.readValue(stored, RoleHolders.class).roles).isEqualTo(holders.roles);
        keyring.forget("alice");
        assertThat(sealing.readValue(stored, RoleHolders.class).roles)
                .containsEntry(IncidentRole.DR_LEAD, PersonalDataCipher.FORGOTTEN)
                .containsEntry(IncidentRole.DATABASE_ADMINISTRATOR, "bob");
    }

    @Test
    void aValueStoredBeforeEncryptionReadsAsItIs() throws Exception {
        String legacy = """
                {"incidentId":"inc-1","targets":null,"role":"DATABASE_ADMINISTRATOR","person":"dave","previousPerson":null,
                 "actor":"erin","occurredAt":"2026-11-25T10:00:00Z"}""";
        assertThat(sealing.readValue(legacy, RoleAssignedEvent.class).person()).isEqualTo("dave");
    }

    @Test
    void anAlteredCiphertextIsRefusedNotMisread() throws Exception {
        String stored = sealing.writeValueAsString(new RoleAssignedEvent("inc-1", TARGETS, IncidentRole.DATABASE_ADMINISTRATOR,
                "alice", null, "bob", T));
        int at = stored.indexOf("\"person\":\"pd:v1:") + 60;
        String altered = stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);

        assertThatThrownBy(() -> sealing.readValue(altered, RoleAssignedEvent.class))
                .hasMessageContaining("does not decrypt");
    }
}
