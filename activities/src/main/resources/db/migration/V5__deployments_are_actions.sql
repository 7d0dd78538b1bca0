-- Every Harmony deployment is an action of its service from now on; the deployments stored before
-- become actions too, so the action list tells a service's whole history. What was not recorded
-- then (the caller's address and agent, the body) stays NULL.
INSERT INTO action (id, service, action, method, path, user_agent, ip, body, username, caller_kind,
                    is_user_action, state, created_at, start_date, end_date)
SELECT d.id, d.service, 'Service Deploy', 'PUT', '/service-image-tag/' || d.service, NULL, NULL, NULL,
       d.username, d.caller_kind, TRUE,
       CASE d.status WHEN 'successful' THEN 'Success'
                     WHEN 'failed' THEN 'Failed'
                     WHEN 'running' THEN CASE d.phase WHEN 'queued' THEN 'Pending' ELSE 'In progress' END
       END,
       d.created_at,
       CASE WHEN d.phase = 'queued' THEN NULL ELSE d.created_at END,
       CASE WHEN d.status = 'running' THEN NULL ELSE d.updated_at END
  FROM deployment d
 WHERE EXISTS (SELECT 1 FROM service s WHERE s.name = d.service)
   AND NOT EXISTS (SELECT 1 FROM action a WHERE a.id = d.id);
