package org.drcc.drill.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Food Truck application's own queries, as its functional checks: each counts the rows that break a
 * rule the application relies on, so 0 means the check passes. The drills run them on their restored copies, and
 * the host runs the same ones on a database restored to an instant (this package is the API it may use).
 */
public final class AppChecks {

    /** Each check's name and its query, in the order they run. */
    public static final Map<String, String> CHECKS;

    static {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("order totals equal the sum of their lines", "SELECT count(*) FROM customer_order o WHERE o.total <> "
                + "coalesce((SELECT sum(l.quantity * l.unit_price) FROM order_line l WHERE l.order_id = o.id), 0)");
        checks.put("customer e-mail addresses are addresses",
                "SELECT count(*) FROM customer WHERE email NOT LIKE '%_@_%'");
        checks.put("customer names are readable", "SELECT count(*) FROM customer WHERE full_name LIKE 'ENC:%'");
        checks.put("every active truck has staff shifts",
                "SELECT count(*) FROM truck t WHERE t.active AND NOT EXISTS "
                        + "(SELECT 1 FROM staff_shift s WHERE s.truck_id = t.id)");
        checks.put("no unknown tables", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename "
                + "NOT IN ('truck', 'location', 'menu', 'menu_item', 'customer', 'customer_order', 'order_line', 'staff_shift')");
        CHECKS = Collections.unmodifiableMap(checks);
    }

    private AppChecks() {
    }

    /** The checks that fail, each with the number of rows breaking it; empty when all pass. */
    public static List<String> failing(Connection database) throws SQLException {
        List<String> failing = new ArrayList<>();
        try (Connection c = database; Statement s = c.createStatement()) {
            for (Map.Entry<String, String> check : CHECKS.entrySet()) {
                try (ResultSet rs = s.executeQuery(check.getValue())) {
                    rs.next();
                    long broken = rs.getLong(1);
                    if (broken > 0) {
                        failing.add(check.getKey() + " (" + broken + " rows)");
                    }
                }
            }
        }
        return failing;
    }
}
