package org.drcc.demoapp.shop;

public record Truck(long id, String name, String cuisine) {
}
