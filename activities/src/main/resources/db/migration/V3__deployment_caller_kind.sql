-- What kind of identity asked for a deployment: 'person' (a JWT) or 'pipeline' (a Mooring token),
-- so a person and a pipeline token of the same name are told apart. Rows from before stay NULL.
ALTER TABLE deployment ADD COLUMN caller_kind VARCHAR(16);
