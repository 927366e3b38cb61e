package org.drcc.drill.job;

import java.util.List;
import org.drcc.drill.command.DrillScenario;

/**
 * What each scenario does to the drill's scratch copy of the Food Truck database: the SQL that breaks it,
 * and the tables it touches. Corruption damages rows in place; deletion removes rows from leaf tables
 * (nothing refers to them, so they can be restored on their own); ransomware "encrypts" customers and
 * leaves a note; a data-centre or regional failure loses the whole site.
 */
final class Damage {

    private Damage() {
    }

    static List<String> sql(DrillScenario scenario) {
        return switch (scenario) {
            case DATABASE_CORRUPTION -> List.of("UPDATE customer_order SET total = -total - 1 WHERE id % 7 = 0",
                    "UPDATE customer SET email = 'corrupt-' || id WHERE id % 11 = 0");
            case ACCIDENTAL_DATA_DELETION -> List.of("DELETE FROM order_line WHERE id % 3 = 0",
                    "DELETE FROM staff_shift WHERE id % 2 = 0");
            case RANSOMWARE_ATTACK -> List.of("UPDATE customer SET full_name = 'ENC:' || md5(full_name), "
                            + "email = 'ENC:' || md5(email), phone = 'ENC:' || md5(phone)",
                    "CREATE TABLE public.read_me_ransom (note text)",
                    "INSERT INTO public.read_me_ransom VALUES ('your data is encrypted (a DR drill)')");
            default -> List.of();
        };
    }

    static String describe(DrillScenario scenario) {
        return switch (scenario) {
            case DATABASE_CORRUPTION -> "negated the totals of every 7th order and overwrote the e-mail of every 11th customer";
            case ACCIDENTAL_DATA_DELETION -> "deleted every 3rd order line and every 2nd staff shift";
            case RANSOMWARE_ATTACK -> "'encrypted' every customer's name, e-mail and phone and left a ransom note table";
            default -> "the primary site's database is lost";
        };
    }
}
