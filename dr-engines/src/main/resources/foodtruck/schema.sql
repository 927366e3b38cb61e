-- The Food Truck Management System: the database the DR plan protects.
CREATE TABLE truck (
    id           bigint PRIMARY KEY,
    name         text        NOT NULL,
    licence_plate text       NOT NULL UNIQUE,
    cuisine      text        NOT NULL,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL
);
CREATE TABLE location (
    id        bigint PRIMARY KEY,
    truck_id  bigint       NOT NULL REFERENCES truck (id),
    name      text         NOT NULL,
    latitude  numeric(9, 6) NOT NULL,
    longitude numeric(9, 6) NOT NULL,
    opens_at  time         NOT NULL,
    closes_at time         NOT NULL
);
CREATE TABLE menu (
    id         bigint PRIMARY KEY,
    truck_id   bigint NOT NULL REFERENCES truck (id),
    name       text   NOT NULL,
    valid_from date   NOT NULL
);
CREATE TABLE menu_item (
    id          bigint PRIMARY KEY,
    menu_id     bigint        NOT NULL REFERENCES menu (id),
    name        text          NOT NULL,
    description text          NOT NULL,
    price       numeric(8, 2) NOT NULL CHECK (price > 0),
    vegetarian  boolean       NOT NULL
);
CREATE TABLE customer (
    id         bigint PRIMARY KEY,
    full_name  text        NOT NULL,
    email      text        NOT NULL UNIQUE,
    phone      text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE TABLE customer_order (
    id          bigint PRIMARY KEY,
    customer_id bigint        NOT NULL REFERENCES customer (id),
    truck_id    bigint        NOT NULL REFERENCES truck (id),
    location_id bigint        NOT NULL REFERENCES location (id),
    status      text          NOT NULL,
    total       numeric(10, 2) NOT NULL,
    ordered_at  timestamptz   NOT NULL
);
CREATE TABLE order_line (
    id           bigint PRIMARY KEY,
    order_id     bigint        NOT NULL REFERENCES customer_order (id),
    menu_item_id bigint        NOT NULL REFERENCES menu_item (id),
    quantity     int           NOT NULL CHECK (quantity > 0),
    unit_price   numeric(8, 2) NOT NULL
);
CREATE TABLE staff_shift (
    id         bigint PRIMARY KEY,
    truck_id   bigint      NOT NULL REFERENCES truck (id),
    staff_name text        NOT NULL,
    role       text        NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX customer_order_customer ON customer_order (customer_id);
CREATE INDEX customer_order_ordered_at ON customer_order (ordered_at);
CREATE INDEX order_line_order ON order_line (order_id);
