-- The api's registered clients (owned by the api module; ingest's migrations stay below V100).
-- Secrets are stored only as BCrypt hashes; role and tier travel in the access token afterwards,
-- so this table is read when a token is issued, never per request.
CREATE TABLE clients (
    client_id    varchar(64)  NOT NULL PRIMARY KEY,
    secret_hash  varchar(100) NOT NULL,
    role         varchar(16)  NOT NULL,
    tier         varchar(16)  NOT NULL,
    display_name varchar(200),
    enabled      boolean      NOT NULL DEFAULT true,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT clients_role_known CHECK (role IN ('ANALYST', 'ADMIN')),
    CONSTRAINT clients_tier_known CHECK (tier IN ('FREE', 'PRO', 'ENTERPRISE')),
    CONSTRAINT clients_id_format CHECK (client_id ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    CONSTRAINT clients_secret_is_bcrypt CHECK (secret_hash ~ '^\$2[aby]?\$')
);
