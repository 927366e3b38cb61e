package org.drcc.demoapp.shop;

import java.util.List;

/** The application's functional check: passed, with what it exercised, or the receipts it found wrong. */
public record CheckResult(boolean passed, String release, int trucks, int receiptsChecked, List<String> failures) {
}
