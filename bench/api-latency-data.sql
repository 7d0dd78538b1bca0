-- The history bench/api-latency.sh reads: 1,000 finished deployments of each of the 100 services
-- service-001 .. service-100 (which Mooring created from the services file at start), a year of
-- them, each with the log lines a real one-replica deployment writes.
-- Run with psql -v public_url=http://127.0.0.1:<port> on a database Mooring has just migrated.
--
-- Only the two statuses a finished deployment can have: 'running' rows would make every status
-- read ask Temporal about workflows that do not exist, and a rejected request stores no row.
\set ON_ERROR_STOP on
SELECT setseed(0.42);  -- the same mix of outcomes on every run

-- One statement, so the load takes seconds: the deployments, then their log lines in the order a
-- deployment writes them (deployments hold the global lock one at a time, so each deployment's
-- lines sit together in the table, as they do in production).
WITH d AS (
  INSERT INTO deployment (id, username, service, tag, regression_test_version, status, phase, message,
                          digest, previous_tag, rolled_back, created_at, updated_at, caller_kind)
  SELECT id, username, service, tag, '1.0.' || (n % 7), CASE WHEN failed THEN 'failed' ELSE 'successful' END,
         'finished',
         CASE WHEN failed
              THEN 'Failed service deployment for deploymentId: ' || id
                   || '. Error: Regression tests failed with exit code 1. Rolled back to ' || previous_tag || '.'
              ELSE 'Deployment successful. See details at: ' || :'public_url' || '/deployment-logs/' || id END,
         'sha256:' || md5(id::text) || md5(service || n), previous_tag, failed, created_at,
         created_at + (20 + random() * 160) * interval '1 second',
         CASE WHEN username LIKE '%-%' THEN 'pipeline' ELSE 'person' END
    FROM (SELECT gen_random_uuid() AS id,
                 format('service-%s', lpad(s::text, 3, '0')) AS service,
                 n,
                 format('1.%s.%s', n / 100, n % 100) AS tag,
                 format('1.%s.%s', (n - 1) / 100, (n - 1) % 100) AS previous_tag,
                 (ARRAY['ci-pipeline', 'release-bot', 'alice', 'bob'])[1 + (s + n) % 4] AS username,
                 random() < 0.12 AS failed,
                 -- a service deploys every ~8.8 h; the services interleave at random
                 now() - (1000 - n) * interval '525 minutes' - random() * interval '480 minutes' AS created_at
            FROM generate_series(1, 100) AS s, generate_series(1, 1000) AS n) g
  RETURNING id, service, tag, previous_tag, digest, status, message, created_at, updated_at
)
INSERT INTO deployment_log (deployment_id, step, at, line)
SELECT d.id, l.step, d.created_at + l.ord * (d.updated_at - d.created_at) / 13, l.line
  FROM d
  CROSS JOIN LATERAL (VALUES
    (1, 'admitted', format('Deployment of %s %s -> %s requested by ci-pipeline; image 127.0.0.1:5000/%s:%s',
                           d.service, d.previous_tag, d.tag, d.service, d.tag), true),
    (2, 'gate', 'Took the service deployment lock', true),
    (3, 'plan', format('Planned rollout: 1 current container(s) [mooring-%s-1], 1 new replica(s) on ports [31000]',
                       d.service), true),
    (4, 'pull.start', format('Pulling 127.0.0.1:5000/%s@%s', d.service, d.digest), true),
    (5, 'pull.done', format('Pulled 127.0.0.1:5000/%s@%s', d.service, d.digest), true),
    (6, 'replica-1.start', format('Started replica 1 of 1 as mooring-%s-%s-1 on port 31000', d.service, d.id), true),
    (7, 'replica-1.healthy', format('Replica 1 of 1 (mooring-%s-%s-1) is healthy (/health answered on port 31000)',
                                    d.service, d.id), true),
    (8, 'replica-1.stop-old', format('Stopped old replica 1 (mooring-%s-1), kept for rollback until the deployment ends',
                                     d.service), true),
    (9, 'regression.start', format('Running regression tests 127.0.0.1:5000/%s-tests', d.service), true),
    (10, 'regression.result', CASE WHEN d.status = 'failed' THEN 'Regression tests failed with exit code 1'
                                   ELSE 'Regression tests passed' END, true),
    (11, 'version', format('Recorded %s (%s) as the current version of %s', d.tag, d.digest, d.service),
         d.status = 'successful'),
    (11, 'rollback.start', format('Rolling back to %s: Regression tests failed with exit code 1', d.previous_tag),
         d.status = 'failed'),
    (12, 'cleanup.removed', format('Removed [mooring-%s-1]', d.service), d.status = 'successful'),
    (12, 'rollback.restarted', format('Rollback restarted previous container(s) [mooring-%s-1]', d.service),
         d.status = 'failed'),
    (13, 'finish', d.message, true)
  ) AS l(ord, step, line, applies)
 WHERE l.applies
 ORDER BY d.created_at, l.ord;

-- Fresh statistics, as autovacuum would have them on a database that grew over a year.
ANALYZE service, service_env, deployment, deployment_log, api_token;
