package org.drcc.notification;

import javax.sql.DataSource;
import org.drcc.engines.Engines;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database of a test's own on the real PostgreSQL, for the questions asked all the time of a long history, with
 * PostgreSQL's own count of how a transaction read a table ({@code pg_stat_xact_user_tables}).
 */
public record HistoryDatabase(DataSource source, JdbcClient sql) {

    /** An empty database, not migrated. */
    public static HistoryDatabase create(Engines engines, String prefix) {
        DataSource source = engines.postgres().newDatabase(prefix);
        return new HistoryDatabase(source, JdbcClient.create(source));
    }

    /** A database with the service's whole schema. */
    public static HistoryDatabase migrated(Engines engines, String prefix) {
        HistoryDatabase db = create(engines, prefix);
        db.flyway().load().migrate();
        return db;
    }

    /** The service's migrations, as its application.yml lists them. */
    public FluentConfiguration flyway() {
        return Flyway.configure().dataSource(source)
                .locations("classpath:db/kit", "classpath:db/axon", "classpath:db/migration", "classpath:db/audit");
    }

    /** The planner's statistics of every table, as autovacuum takes them. */
    public void analyze() {
        sql.sql("ANALYZE").update();
    }

    /** Runs {@code reads} in one transaction: the counts below are of its statements. */
    public void readOnce(Runnable reads) {
        new TransactionTemplate(new DataSourceTransactionManager(source)).executeWithoutResult(tx -> reads.run());
    }

    /** How many times this transaction read the whole of {@code table}. */
    public long fullReads(String table) {
        return count("seq_scan", table);
    }

    /** How many rows of {@code table} this transaction fetched through an index. */
    public long readByIndex(String table) {
        return count("idx_tup_fetch", table);
    }

    private long count(String column, String table) {
        return sql.sql("SELECT " + column + " FROM pg_stat_xact_user_tables WHERE relname = ?").param(table)
                .query(Long.class).single();
    }
}
