package org.drcc.demoapp.shop;

import java.math.BigDecimal;

/** An order as the running release prints it: the total it computes from the lines, and the total the customer paid. */
public record Receipt(long orderId, String truck, int lines, BigDecimal total, BigDecimal paid, String release) {
}
