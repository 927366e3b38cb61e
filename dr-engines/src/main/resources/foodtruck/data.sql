-- Deterministic generated data; each unit of ${scale} adds about 2.8 MB on disk.
SELECT setseed(0.42);
INSERT INTO truck
SELECT i, 'Truck ' || i, 'FT-' || lpad(i::text, 5, '0'),
       (ARRAY['tacos', 'burgers', 'noodles', 'falafel', 'pizza', 'crepes', 'bbq'])[1 + i % 7],
       i % 11 <> 0, timestamptz '2023-01-01' + i * interval '3 days'
FROM generate_series(1, 20 + ${scale}) i;
INSERT INTO location
SELECT t.id * 10 + n, t.id, 'Spot ' || n || ' of truck ' || t.id,
       40 + random() * 10, -5 + random() * 10, time '10:00' + n * interval '30 minutes', time '20:00'
FROM truck t, generate_series(1, 5) n;
INSERT INTO menu
SELECT t.id * 10 + n, t.id, (ARRAY['Lunch', 'Dinner'])[n], date '2025-01-01' + n
FROM truck t, generate_series(1, 2) n;
INSERT INTO menu_item
SELECT m.id * 100 + n, m.id, 'Dish ' || n, 'House dish number ' || n || ' of menu ' || m.id,
       round((4 + random() * 16)::numeric, 2), n % 3 = 0
FROM menu m, generate_series(1, 12) n;
INSERT INTO customer
SELECT i, 'Customer ' || i, 'customer' || i || '@example.org', '+1-555-' || lpad((i % 10000)::text, 4, '0'),
       timestamptz '2024-01-01' + i * interval '7 minutes'
FROM generate_series(1, 800 * ${scale}) i;
INSERT INTO customer_order
SELECT i, 1 + (i::bigint * 7919) % (800 * ${scale}), t, t * 10 + 1 + i % 5,
       (ARRAY['PLACED', 'PREPARING', 'SERVED', 'PAID', 'CANCELLED'])[1 + i % 5], 0,
       timestamptz '2025-01-01' + i * interval '1 minute'
FROM generate_series(1, 3000 * ${scale}) i, LATERAL (SELECT 1 + i % (20 + ${scale}) AS t) tr;
INSERT INTO order_line
SELECT o.id * 4 + n, o.id, (o.truck_id * 10 + 1) * 100 + 1 + (o.id + n) % 12, 1 + (o.id + n) % 3, 0
FROM customer_order o, generate_series(1, 3) n;
UPDATE order_line l SET unit_price = mi.price FROM menu_item mi WHERE mi.id = l.menu_item_id;
UPDATE customer_order o SET total = s.total
FROM (SELECT order_id, sum(quantity * unit_price) AS total FROM order_line GROUP BY order_id) s
WHERE s.order_id = o.id;
INSERT INTO staff_shift
SELECT i, 1 + i % (20 + ${scale}), 'Staff ' || (i % 97), (ARRAY['cook', 'cashier', 'driver'])[1 + i % 3],
       timestamptz '2025-01-01' + i * interval '4 hours', timestamptz '2025-01-01' + i * interval '4 hours' + interval '8 hours'
FROM generate_series(1, 300 * ${scale}) i;
ANALYZE;
