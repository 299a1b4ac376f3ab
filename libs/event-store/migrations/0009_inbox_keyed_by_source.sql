-- CloudEvents makes an event's id unique only within its source: the inbox now records (source, id),
-- so two producers that happen to use one id (or a producer that reuses another's) no longer suppress
-- each other's events. Rows recorded before this migration knew no source: they keep the empty source
-- and still count for their id whatever its source, so a message consumed before the upgrade and
-- redelivered after it has no second effect. No row with the empty source is written any more.
ALTER TABLE inbox ADD COLUMN source text NOT NULL DEFAULT '';
ALTER TABLE inbox ALTER COLUMN source DROP DEFAULT;
ALTER TABLE inbox DROP CONSTRAINT inbox_pkey;
ALTER TABLE inbox ADD PRIMARY KEY (consumer, source, message_id);
