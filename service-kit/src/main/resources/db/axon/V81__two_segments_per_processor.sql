-- Every tracking processor runs in dr.axon.segments segments (org.drcc.kit.axon.ProcessorSegments; 2 by default),
-- so that several instances of a service share its event stream. A token store made before holds one segment per
-- processor (segment 0, which takes every event), and Axon sets the count only for a store that holds none: split
-- each such processor into two here, as Axon's own split does, by adding segment 1 at segment 0's position. Axon
-- derives each segment's share from the ids present ({0, 1}: each takes half the aggregates), and events before
-- that position were handled already. Migrations run before the processors start; an instance of an older version
-- still running segment 0 as the whole stream would handle the other half a second time until it is restarted, so
-- stop the older instances before starting a newer one.
INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp, owner)
SELECT t.processorname, 1, t.token, t.tokentype, t.timestamp, NULL
FROM tokenentry t
WHERE t.segment = 0
  AND NOT EXISTS (SELECT 1 FROM tokenentry o WHERE o.processorname = t.processorname AND o.segment <> 0);
