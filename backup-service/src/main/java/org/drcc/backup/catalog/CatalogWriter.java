package org.drcc.backup.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupCopiedEvent;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each dump's catalogue object ({@code <objectKey>.catalog.json}) in step with the backup's events, in every
 * tier that holds the dump. A tracking processor of its own ({@code backup-catalog}, never skips): S3 being away
 * stalls it, and it writes what it missed when S3 is back, without holding up backups or the read model. Each write
 * is the whole catalogue folded from the backup's stored events, so a repeat after a crash writes the same bytes.
 * On its first start it goes through the whole event store: the backups taken before it existed get theirs too.
 */
@Component
@ProcessingGroup(CatalogWriter.GROUP)
class CatalogWriter {

    static final String GROUP = "backup-catalog";

    private static final Logger log = LoggerFactory.getLogger(CatalogWriter.class);

    private final EventStore events;
    private final ObjectStore store;
    private final S3Properties s3;

    CatalogWriter(EventStore events, ObjectStore store, S3Properties s3) {
        this.events = events;
        this.store = store;
        this.s3 = s3;
    }

    @EventHandler
    void on(BackupCompletedEvent e) {
        sync(e.backupId());
    }

    /**
     * Written again in every tier, not only the new one: each catalogue then lists every copy known, so the
     * tertiary's says the secondary has one too.
     */
    @EventHandler
    void on(BackupCopiedEvent e) {
        sync(e.backupId());
    }

    @EventHandler
    void on(BackupVerifiedEvent e) {
        sync(e.backupId());
    }

    @EventHandler
    void on(BackupVerificationFailedEvent e) {
        sync(e.backupId());
    }

    /**
     * Retention deleted the dumps from every tier before this event; their catalogue objects go too (deleting
     * an absent key is harmless), so no catalogue describes a dump that is gone.
     */
    @EventHandler
    void on(BackupExpiredEvent e) {
        sync(e.backupId());
    }

    // An imported backup is not written back: the catalogue it came from is there, and says more (the copies it
    // recorded) than this service knows. Its later events (a verification) write it again.

    void sync(String backupId) {
        List<Object> stream = events.readEvents(backupId).asStream().map(EventMessage::getPayload)
                .filter(BackupEvent.class::isInstance).map(Object.class::cast).toList();
        CatalogFold.State state = CatalogFold.of(stream, s3.buckets());
        state.catalog().ifPresent(catalog -> {
            String key = BackupCatalog.keyOf(catalog.objectKey());
            if (state.expired()) {
                Set<String> buckets = new LinkedHashSet<>(s3.buckets().byTier().values());
                catalog.copies().forEach(c -> buckets.add(c.bucket()));
                buckets.forEach(bucket -> store.delete(bucket, key));
                log.info("Catalogue of expired backup {} deleted from {}", backupId, buckets);
                return;
            }
            byte[] bytes = CatalogJson.write(catalog);
            for (BackupCatalog.Copy copy : catalog.copies()) {
                store.bucket(copy.bucket()).put(key, bytes, "application/json");
            }
            log.debug("Catalogue of backup {} written to {} tier(s)", backupId, catalog.copies().size());
        });
    }
}
