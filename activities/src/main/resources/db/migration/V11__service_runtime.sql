-- The runtime each service runs on, recorded when it is created, so that a later change of the
-- runtime new services get never strands a running one. Every service so far ran on the engine.
ALTER TABLE service ADD COLUMN runtime VARCHAR(16) NOT NULL DEFAULT 'engine';
