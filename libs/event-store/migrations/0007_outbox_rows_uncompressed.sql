-- An outbox row lives until the relay has published it, a moment: compressing its payload (PostgreSQL
-- does for rows over ~2 kB, as a public event with its signature material often is) is CPU spent on
-- every append for nothing. Rows up to a page stay inline and uncompressed; larger ones are toasted as
-- before. The events table keeps the default: it is kept for good, where compression pays.
ALTER TABLE outbox SET (toast_tuple_target = 8160);
