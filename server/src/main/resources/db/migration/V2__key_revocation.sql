-- A revoked key is refused from its next request, on every server on this database: the servers
-- read revoked_at on each request. The key's row is kept, so its name stays taken and the audit
-- trail's actor still names a known key.
ALTER TABLE api_key ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
