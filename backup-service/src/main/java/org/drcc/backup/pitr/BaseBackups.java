package org.drcc.backup.pitr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.policy.DatabasePolicy;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.query.IncidentHolds;
import org.drcc.backup.retention.GfsRetention;
import org.drcc.backup.retention.RetentionCandidate;
import org.drcc.backup.retention.RetentionPlan;
import org.drcc.contract.backup.BaseBackupCompletedEvent;
import org.drcc.contract.backup.BaseBackupExpiredEvent;
import org.drcc.contract.backup.BaseBackupFailedEvent;
import org.drcc.contract.backup.BaseBackupStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Base backups of the protected server's cluster with pgBackRest, to each tier's repository in turn (the tool backs
 * up to one repository at a time; the WAL goes to all three as it is archived), then retention: in each repository
 * the database's grandfather-father-son policy, with the incidents' holds, decides which backups stay
 * ({@link GfsRetention}, the same rules as the dumps'), and pgBackRest expires the others with the WAL only they
 * needed. Each outcome is an event. One runs at a time across the service's instances: the instance that runs it
 * holds the database's row in {@code base_backup_running} and owns it by its lease ({@link PitrJobOwners}), so one
 * left by an instance that stopped is failed by the orphans' sweep ({@link #failInterrupted}) and the next one may
 * start.
 */
@Component
public class BaseBackups {

    private static final Logger log = LoggerFactory.getLogger(BaseBackups.class);
    private static final Duration BACKUP_TIMEOUT = Duration.ofHours(6);
    private static final Duration SHORT = Duration.ofMinutes(5);
    /** Tries of stanza-create, half a second apart, while the archive's push holds the stanza's lock. */
    private static final int STANZA_LOCK_TRIES = 20;

    private final PitrSettings settings;
    private final PgBackRestConfig config;
    private final PgBackRest tool;
    private final BackupProperties properties;
    private final IncidentHolds holds;
    private final PitrViews views;
    private final PitrEvents events;
    private final ObjectMapper json;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final JdbcClient jdbc;
    private final PitrJobOwners owners;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean repairing = new AtomicBoolean();
    private volatile Long lastRepair;

    BaseBackups(PitrSettings settings, PgBackRestConfig config, PgBackRest tool, BackupProperties properties,
                IncidentHolds holds, PitrViews views, PitrEvents events, ObjectMapper json, Clock clock,
                TaskExecutor backupTasks, JdbcClient jdbc, PitrJobOwners owners) {
        this.tasks = backupTasks;
        this.jdbc = jdbc;
        this.owners = owners;
        this.settings = settings;
        this.config = config;
        this.tool = tool;
        this.properties = properties;
        this.holds = holds;
        this.views = views;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public String database() {
        return settings.database();
    }

    PgTarget server() {
        DatabasePolicy policy = policy();
        return new PgTarget(policy.url(), policy.username(), policy.password());
    }

    private DatabasePolicy policy() {
        DatabasePolicy policy = properties.databases().get(settings.database());
        if (policy == null) {
            throw new IllegalStateException("dr.backup.pitr.database: " + settings.database()
                    + " is not a protected database (dr.backup.databases)");
        }
        return policy;
    }

    /**
     * For a restore that asks nothing of the protected server: pgBackRest's configuration, written at start, is
     * there; where it is not (the server could not be reached then, as on the day it is lost), it is written now,
     * without the server's section if the server still cannot be reached.
     */
    synchronized void configForRestore() {
        if (Files.exists(config.configFile())) {
            return;
        }
        try {
            try {
                config.write(server());
            } catch (SQLException unreachable) {
                log.warn("pgBackRest's configuration written without the protected server, which cannot be reached: {}",
                        unreachable.getMessage());
                config.write(null);
            }
        } catch (Exception e) {
            throw new PgBackRestException("could not write pgBackRest's configuration: " + e.getMessage());
        }
    }

    /**
     * Writes pgBackRest's configuration and creates the stanza where it is missing (both may be repeated; pgBackRest
     * leaves a tier that has its stanza as it is): until then the server's archive command fails for that tier and
     * the server keeps its WAL. Asked at start, before each base backup, and while the archive lags
     * ({@link #repairSoon}), not once per process: a tier whose bucket was made anew after a disaster is empty, and
     * gets its stanza back without a restart. Throws when either fails; pgBackRest's stanza-create fails as a whole
     * while one tier's store gives no answer.
     */
    public synchronized void prepare() {
        writeConfig();
        createStanza();
    }

    /** stanza-create, tried again while the server's own push holds the stanza's archive lock. */
    private void createStanza() {
        stanzaCommand("stanza-create");
    }

    /** stanza-create or stanza-upgrade, one at a time, tried again while the server's push holds the archive lock. */
    private synchronized void stanzaCommand(String command) {
        for (int attempt = 1; ; attempt++) {
            try {
                tool.run(SHORT, command);
                return;
            } catch (PgBackRestException e) {
                // [050], the stanza's archive lock: the server's own push holds it for the moments it runs
                if (attempt == STANZA_LOCK_TRIES || !e.getMessage().contains("[050]")) {
                    throw e;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PgBackRestException("interrupted while waiting for pgBackRest's archive lock");
            }
        }
    }

    private synchronized void writeConfig() {
        try {
            config.write(server());
        } catch (Exception e) {
            throw new PgBackRestException("could not write pgBackRest's configuration: " + e.getMessage());
        }
    }

    /**
     * stanza-create again (the configuration as it was written), off this thread, at most once per
     * {@code archive-lag-threshold}: asked by the RPO watch while the WAL archive lags. The likely causes are a tier
     * gone (nothing to do but wait) and a tier whose bucket was made anew without the stanza (this mends it); one run
     * of stanza-create, answered in seconds when the stores answer, tells them apart.
     */
    public void repairSoon() {
        long now = System.nanoTime();
        Long last = lastRepair;
        boolean tooSoon = last != null && now - last < settings.archiveLagThreshold().toNanos();
        if (tooSoon || !repairing.compareAndSet(false, true)) {
            return;
        }
        lastRepair = now;
        try {
            tasks.execute(() -> {
                try {
                    if (!config.namesServer()) {
                        // written without the server by a restore while it could not be reached: the server's own
                        // archive command needs its section
                        writeConfig();
                    }
                    createStanza();
                    log.info("WAL archive of {} lagging: pgBackRest's stanza is in every tier", settings.database());
                } catch (RuntimeException e) {
                    log.warn("WAL archive of {} lagging, and its stanza could not be made in every tier: {}",
                            settings.database(), e.getMessage());
                } finally {
                    repairing.set(false);
                }
            });
        } catch (RuntimeException e) {
            repairing.set(false);
        }
    }

    /** One base backup to every tier, then retention, on this thread; answers the run's id (the events carry it). */
    public String run(String actor) {
        String backupId = begin(actor, null);
        boolean finished = false;
        try {
            complete(backupId, actor);
            finished = true;
        } finally {
            end(backupId, !finished);
        }
        return backupId;
    }

    /** The same, off this thread: answers once it is recorded as started; 409 while one runs. */
    public String start(String actor) {
        return start(actor, null);
    }

    /**
     * The day after the protected server was lost: the server backup-service now points at is a replacement, a new
     * cluster that pgBackRest refuses into the stanza made for the lost one, so its WAL is not archived. With the
     * operator's confirmation of the replacement's system identifier ({@code SELECT system_identifier FROM
     * pg_control_system()} on it), the stanza is upgraded to it ({@code pgbackrest stanza-upgrade}: the lost
     * cluster's base backups and WAL stay, as the stanza's prior database) and its first base backup taken, off this
     * thread. Never on its own: a server pointed at by mistake must not be adopted. 409 when the confirmation is not
     * the server's identifier, or the stanza already serves it; the started event names both identifiers.
     */
    public String adopt(String confirmedSystemIdentifier, String actor) {
        if (!settings.enabled()) {
            throw new PitrRefusedException("point-in-time recovery is not set up (dr.backup.pitr.enabled)");
        }
        String server;
        try {
            server = PgServer.systemIdentifier(server());
        } catch (SQLException e) {
            throw new PgBackRestException("the protected server cannot be reached to read its system identifier: "
                    + e.getMessage());
        }
        if (!server.equals(confirmedSystemIdentifier)) {
            throw new PitrRefusedException("the protected server's system identifier is " + server + ", not the "
                    + confirmedSystemIdentifier + " confirmed: check that backup-service points at the replacement "
                    + "server, then confirm its identifier");
        }
        Map<String, String> served = stanzaSystemIdentifiers();
        if (served.values().stream().allMatch(server::equals)) {
            throw new PitrRefusedException("the WAL archive's stanza already serves this server (system identifier "
                    + server + ") in every tier that answers: nothing to adopt; dr backup base takes a base backup");
        }
        String previous = served.values().stream().filter(id -> !id.equals(server)).findFirst().orElseThrow();
        return start(actor, new Adoption(server, previous));
    }

    /** What a base backup that adopts a replacement server changes: the stanza's cluster, from {@code previous}. */
    private record Adoption(String systemIdentifier, String previous) {
    }

    /**
     * The system identifier of the cluster the stanza serves, by tier, of the tiers that answer (within 30 s each: the
     * day after, a tier's store may not answer at all); at least one, else why not.
     */
    private Map<String, String> stanzaSystemIdentifiers() {
        Map<String, String> served = new java.util.LinkedHashMap<>();
        List<String> passedOver = new java.util.ArrayList<>();
        for (Repository repo : config.repositories()) {
            try {
                String id = BaseBackupInfo.stanzaSystemIdentifier(json,
                        tool.run(IDENTIFIER_READ, "info", "--repo=" + repo.number(), "--output=json"));
                if (id != null) {
                    served.put(repo.tier(), id);
                } else {
                    passedOver.add(repo.tier() + ": no stanza");
                }
            } catch (RuntimeException | java.io.IOException e) {
                passedOver.add(repo.tier() + ": " + e.getMessage());
            }
        }
        if (served.isEmpty()) {
            throw new PgBackRestException("no tier's WAL archive names the cluster its stanza serves: "
                    + String.join("; ", passedOver));
        }
        return served;
    }

    private static final Duration IDENTIFIER_READ = Duration.ofSeconds(30);

    private String start(String actor, Adoption adoption) {
        String backupId = begin(actor, adoption);
        try {
            tasks.execute(() -> {
                boolean finished = false;
                try {
                    if (adoption == null || upgraded(backupId, adoption, actor)) {
                        complete(backupId, actor);
                    }
                    finished = true;
                } finally {
                    end(backupId, !finished);
                }
            });
        } catch (RuntimeException e) {
            end(backupId, false);
            throw e;
        }
        return backupId;
    }

    /** The stanza upgraded to the replacement server; false, its failure recorded, when it could not be. */
    private boolean upgraded(String backupId, Adoption adoption, String actor) {
        try {
            writeConfig();
            log.info("Upgrading pgBackRest's stanza {} to the cluster {} (was {})", settings.stanza(),
                    adoption.systemIdentifier(), adoption.previous());
            // pgBackRest goes through the tiers in turn and stops at the first it cannot take: stanza-create at the
            // first that still serves the lost cluster ([028]), stanza-upgrade at the first without a stanza (a bucket
            // made anew). In turns, each gets past one more tier; one upgraded already is left as it is.
            for (int turn = 1; ; turn++) {
                try {
                    createStanza();
                } catch (PgBackRestException expected) {
                    log.debug("stanza-create before the upgrade: {}", expected.getMessage());
                }
                try {
                    stanzaCommand("stanza-upgrade");
                    break;
                } catch (PgBackRestException e) {
                    if (turn >= config.repositories().size()) {
                        throw e;
                    }
                }
            }
            // pgBackRest upgrades to the cluster it reaches (pg1-path, pg1-host), which the JDBC URL the
            // confirmation was checked on should name too
            Map<String, String> served = stanzaSystemIdentifiers();
            if (!served.values().stream().allMatch(adoption.systemIdentifier()::equals)) {
                throw new PgBackRestException("after the upgrade the stanza serves " + served + ", not the cluster "
                        + adoption.systemIdentifier() + " confirmed in every tier: check that pgBackRest's server "
                        + "(dr.backup.pitr.pg-host) and backup-service's database URL name the same one");
            }
            log.info("pgBackRest's stanza {} now serves the cluster {} (was {})", settings.stanza(),
                    adoption.systemIdentifier(), adoption.previous());
            return true;
        } catch (RuntimeException e) {
            events.publish(new BaseBackupFailedEvent(backupId, settings.database(), settings.stanza(), null,
                    "the stanza could not be upgraded to the server " + adoption.systemIdentifier() + " in every "
                            + "tier (each tier's store must answer; asking again upgrades the rest): " + e.getMessage(),
                    actor, clock.instant()));
            return false;
        }
    }

    private String begin(String actor, Adoption adoption) {
        if (!settings.enabled()) {
            throw new PitrRefusedException("point-in-time recovery is not set up (dr.backup.pitr.enabled)");
        }
        if (!running.compareAndSet(false, true)) {
            throw new PitrRefusedException("a base backup of " + settings.database() + " is running");
        }
        String backupId = UUID.randomUUID().toString();
        try {
            // owned before it is claimed: the orphans' sweep fails a claim that no live instance owns
            owners.own(backupId);
            if (!claim(backupId)) {
                String other = jdbc.sql("SELECT backup_id FROM base_backup_running WHERE database_name = ?")
                        .param(settings.database()).query(String.class).optional().orElse("one that just ended");
                throw new PitrRefusedException("a base backup of " + settings.database() + " is running on another "
                        + "backup-service instance, or its end is not recorded yet (" + other + ")");
            }
            events.publish(new BaseBackupStartedEvent(backupId, settings.database(), settings.stanza(), "full",
                    config.repositories().stream().map(Repository::tier).toList(),
                    adoption == null ? null : adoption.systemIdentifier(), adoption == null ? null : adoption.previous(),
                    actor, clock.instant()));
        } catch (RuntimeException e) {
            end(backupId, false);
            throw e;
        }
        return backupId;
    }

    /** The database's claim, taken for this base backup unless another holds it. */
    private boolean claim(String backupId) {
        return jdbc.sql("INSERT INTO base_backup_running (database_name, backup_id) VALUES (?, ?) ON CONFLICT "
                + "(database_name) DO NOTHING").params(settings.database(), backupId).update() == 1;
    }

    /**
     * The base backup ended (or never started): its claim and its ownership go, and this instance may take another.
     * {@code unfinished}: it stopped on an error its outcome could not be recorded for (the database away).
     */
    private void end(String backupId, boolean unfinished) {
        try {
            if (!release(backupId, unfinished)) {
                // the database is away: the claim stays this instance's (its lease held), and is ended again on the
                // next round of the instance's lease (endLeft), since no other instance may take it over meanwhile
                left.put(backupId, unfinished);
            }
        } finally {
            running.set(false);
        }
    }

    /** The claim removed and its ownership let go, the failure recorded first if unfinished; false if it could not be. */
    private boolean release(String backupId, boolean unfinished) {
        try {
            if (unfinished) {
                failInterrupted(backupId, settings.database(), "its outcome could not be recorded (the database was "
                        + "away): a tier without an outcome of it may hold it or not (pgbackrest info tells)", ACTOR);
            }
            jdbc.sql("DELETE FROM base_backup_running WHERE backup_id = ?").param(backupId).update();
            owners.releaseQuietly(backupId);
            return true;
        } catch (RuntimeException e) {
            log.warn("The claim of base backup {} stays until the database answers: {}", backupId, e.toString());
            return false;
        }
    }

    /** Base backups of this instance whose end could not be recorded, and whether their outcome could not either. */
    private final Map<String, Boolean> left = new java.util.concurrent.ConcurrentHashMap<>();

    /** Ends again the base backups of this instance whose end could not be recorded; on every round of its lease. */
    public void endLeft() {
        left.forEach((backupId, unfinished) -> {
            if (release(backupId, unfinished)) {
                left.remove(backupId);
            }
        });
    }

    private static final String ACTOR = "backup-service";
    /** What a base backup cut short leaves, said in the failure it is recorded with (here and by the orphans' sweep). */
    public static final String CUT_SHORT = "a tier with no outcome of it has no base backup of it: take one "
            + "(dr backup base)";

    /** The base backups running on any instance, by id: their databases. */
    public Map<String, String> runningAnywhere() {
        Map<String, String> running = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT backup_id, database_name FROM base_backup_running").query((rs, n) ->
                running.put(rs.getString(1), rs.getString(2))).list();
        return running;
    }

    /**
     * A base backup that will not go on (its instance stopped, its lease ran out, its outcome could not be recorded):
     * its claim removed and its failure ({@code reason}) recorded in one transaction, so the next one may start, and
     * nothing recorded for one whose claim is gone already (it ended, or was recorded so). Called by the orphans' sweep
     * once an instance's lease ran out; whether it was recorded.
     */
    public boolean failInterrupted(String backupId, String database, String reason, String actor) {
        return events.publishIf(() -> jdbc.sql("DELETE FROM base_backup_running WHERE backup_id = ?").param(backupId)
                .update() == 1, new BaseBackupFailedEvent(backupId, database, settings.stanza(), null, reason, actor,
                clock.instant()));
    }

    private void complete(String backupId, String actor) {
        try {
            writeConfig();
        } catch (RuntimeException e) {
            events.publish(new BaseBackupFailedEvent(backupId, settings.database(), settings.stanza(), null,
                    e.getMessage(), actor, clock.instant()));
            return;
        }
        try {
            createStanza();
        } catch (RuntimeException e) {
            // a tier's store gives no answer (its site is gone): the other tiers still get their base backup
            log.warn("pgBackRest's stanza could not be made in every tier; backing up to each tier that has it: {}",
                    e.getMessage());
        }
        for (Repository repo : config.repositories()) {
            if (!stillOwns(backupId)) {
                return;
            }
            backUp(backupId, repo, actor);
        }
        // every tier has its outcome: a lease that ran out meanwhile only skips retention, which the next run does
        if (owners.stillOwns(backupId)) {
            expire(actor);
        }
    }

    /**
     * Whether this instance still runs the base backup: not once its lease ran out and the orphans' sweep recorded it
     * interrupted and let another instance start one (two backups of one stanza at once are what the claim prevents).
     */
    private boolean stillOwns(String backupId) {
        if (owners.stillOwns(backupId)) {
            return true;
        }
        log.warn("Base backup {} stops: this instance's lease ran out meanwhile", backupId);
        // recorded here unless the orphans' sweep has recorded it already (then its claim is gone)
        failInterrupted(backupId, settings.database(), "this backup-service instance's lease ran out while it ran; "
                + CUT_SHORT, ACTOR);
        return false;
    }

    private void backUp(String backupId, Repository repo, String actor) {
        try {
            tool.run(BACKUP_TIMEOUT, "backup", "--repo=" + repo.number(), "--type=full");
            BaseBackupInfo b = newest(repo).orElseThrow(() ->
                    new PgBackRestException("the backup ended, yet pgbackrest info lists none in repo" + repo.number()));
            events.publish(new BaseBackupCompletedEvent(backupId, settings.database(), settings.stanza(), b.label(),
                    b.type(), b.startedAt(), b.consistentAt(), b.sizeBytes(), b.repositorySizeBytes(), b.walStart(),
                    b.walStop(), repo.tier(), actor, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Base backup to the {} repository failed: {}", repo.tier(), e.getMessage());
            events.publish(new BaseBackupFailedEvent(backupId, settings.database(), settings.stanza(), repo.tier(),
                    e.getMessage(), actor, clock.instant()));
        }
    }

    public List<Repository> repositories() {
        return config.repositories();
    }

    /** The base backups in one repository, as pgBackRest lists them. */
    public List<BaseBackupInfo> list(Repository repo) {
        return BaseBackupInfo.parse(json, tool.run(SHORT, "info", "--repo=" + repo.number(), "--output=json"));
    }

    /** The newest WAL segment in one repository's archive, as pgBackRest's {@code info} names it ("" when none). */
    public String newestArchivedSegment(Repository repo) {
        String info = tool.run(SHORT, "info", "--repo=" + repo.number(), "--output=json");
        try {
            return BaseBackupInfo.newestSegment(json, info);
        } catch (Exception e) {
            throw new PgBackRestException("pgbackrest info answered what is not its JSON: " + e.getMessage());
        }
    }

    private Optional<BaseBackupInfo> newest(Repository repo) {
        return list(repo).stream().max(Comparator.comparing(BaseBackupInfo::label));
    }

    /** GFS retention in each repository; a repository that cannot be read is left for the next run. */
    public void expire(String actor) {
        DatabasePolicy policy = policy();
        Instant now = clock.instant();
        for (Repository repo : config.repositories()) {
            try {
                List<RetentionCandidate> candidates = list(repo).stream()
                        .map(b -> new RetentionCandidate(b.label(), b.stoppedAt(), false)).toList();
                RetentionPlan plan = GfsRetention.plan(candidates, policy.retention(), now, ZoneId.of(properties.zone()),
                        holds.openHoldsSince());
                for (String label : plan.expired()) {
                    tool.run(SHORT, "expire", "--repo=" + repo.number(), "--set=" + label);
                    events.publish(new BaseBackupExpiredEvent(views.backupIdOf(repo.tier(), label).orElse(label),
                            settings.database(), settings.stanza(), label, repo.tier(),
                            "no retention rule keeps it (" + policy.retention().daily() + " daily, " + policy.retention().weekly()
                                    + " weekly, " + policy.retention().monthly() + " monthly)", actor, clock.instant()));
                }
            } catch (RuntimeException e) {
                log.warn("Retention of the base backups in the {} repository skipped: {}", repo.tier(), e.getMessage());
            }
        }
    }
}
