-- Cache invalidation by the database itself: every node caches API keys (with what
-- authentication checks about their owner) and users' sealed BYOK keys, and drops an entry when
-- a notification names its user. Triggers send them, so no write path can forget to: the
-- services, billing webhooks, administrators, future code and manual SQL alike. A notification
-- is delivered on commit; identical ones of one transaction are sent once. Payload: a user id,
-- or '*' (drop everything) after a TRUNCATE.

CREATE FUNCTION pm_notify_api_key_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('pm_api_keys', OLD.user_id::text);
    IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
        PERFORM pg_notify('pm_api_keys', NEW.user_id::text);
    END IF;
    RETURN NULL;
END
$$;

-- Any change of a key row except its last use: that one is bookkeeping, written in bulk once a
-- minute, and must not empty every node's cache of the keys it touches.
CREATE TRIGGER api_keys_changed
    AFTER UPDATE ON api_keys FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
    EXECUTE FUNCTION pm_notify_api_key_owner();

-- Deleted directly or with its user (ON DELETE CASCADE runs row triggers too).
CREATE TRIGGER api_keys_deleted
    AFTER DELETE ON api_keys FOR EACH ROW
    EXECUTE FUNCTION pm_notify_api_key_owner();

CREATE FUNCTION pm_notify_user_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('pm_api_keys', OLD.id::text);
    RETURN NULL;
END
$$;

-- What authenticating an API key checks about its owner: role, plan, disabled.
CREATE TRIGGER users_access_changed
    AFTER UPDATE OF role, plan, disabled ON users FOR EACH ROW
    WHEN ((OLD.role, OLD.plan, OLD.disabled) IS DISTINCT FROM (NEW.role, NEW.plan, NEW.disabled))
    EXECUTE FUNCTION pm_notify_user_keys();

CREATE TRIGGER users_deleted
    AFTER DELETE ON users FOR EACH ROW
    EXECUTE FUNCTION pm_notify_user_keys();

CREATE FUNCTION pm_notify_byok_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_notify('pm_byok', OLD.user_id::text);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_notify('pm_byok', NEW.user_id::text);
    END IF;
    RETURN NULL;
END
$$;

-- Inserts too: "this user has no key" is cached as well.
CREATE TRIGGER byok_keys_changed
    AFTER INSERT OR UPDATE OR DELETE ON byok_keys FOR EACH ROW
    EXECUTE FUNCTION pm_notify_byok_owner();

CREATE FUNCTION pm_notify_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER api_keys_truncated AFTER TRUNCATE ON api_keys
    FOR EACH STATEMENT EXECUTE FUNCTION pm_notify_truncated('pm_api_keys');
CREATE TRIGGER users_truncated AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION pm_notify_truncated('pm_api_keys');
CREATE TRIGGER byok_keys_truncated AFTER TRUNCATE ON byok_keys
    FOR EACH STATEMENT EXECUTE FUNCTION pm_notify_truncated('pm_byok');
