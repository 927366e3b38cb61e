package org.drcc.demoapp.shop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drcc.demoapp.release.Release;
import org.drcc.demoapp.release.ReleaseLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the food-truck users do, read-only: list the trucks and read an order's receipt. The receipt is computed by the
 * running release's code, which is what a bad release breaks; the functional check compares receipts with what the
 * customers paid. Nothing here writes to {@code foodtruck}: the drills exercise the application, never its data.
 */
@Component
public class Shop {

    private static final int CHECKED_RECEIPTS = 25;

    private final JdbcClient db;
    private final ReleaseLedger releases;

    Shop(JdbcClient db, ReleaseLedger releases) {
        this.db = db;
        this.releases = releases;
    }

    public List<Truck> activeTrucks() {
        return db.sql("SELECT id, name, cuisine FROM truck WHERE active ORDER BY id").query(Truck.class).list();
    }

    public Optional<Receipt> receipt(long orderId) {
        Release release = releases.current();
        return db.sql("SELECT o.id, t.name, o.total FROM customer_order o JOIN truck t ON t.id = o.truck_id WHERE o.id = ?")
                .param(orderId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)})
                .optional()
                .map(o -> {
                    List<BigDecimal> amounts = db.sql("SELECT quantity, unit_price FROM order_line WHERE order_id = ?")
                            .param(orderId)
                            .query((rs, n) -> release.lineAmount(rs.getInt(1), rs.getBigDecimal(2))).list();
                    BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new Receipt((long) o[0], (String) o[1], amounts.size(), total, (BigDecimal) o[2],
                            release.version());
                });
    }

    /** The smoke test an SRE runs after a deploy: trucks are listed, and the newest receipts match what was paid. */
    public CheckResult check() {
        String release = releases.current().version();
        int trucks = activeTrucks().size();
        List<String> failures = new ArrayList<>();
        if (trucks == 0) {
            failures.add("no active truck is listed");
        }
        List<Long> newest = db.sql("SELECT id FROM customer_order ORDER BY ordered_at DESC, id DESC LIMIT ?")
                .param(CHECKED_RECEIPTS).query(Long.class).list();
        for (long id : newest) {
            receipt(id).filter(r -> r.total().compareTo(r.paid()) != 0).ifPresent(r -> failures.add(
                    "order " + id + ": receipt total " + r.total() + ", paid " + r.paid()));
        }
        return new CheckResult(failures.isEmpty(), release, trucks, newest.size(), List.copyOf(failures));
    }
}
