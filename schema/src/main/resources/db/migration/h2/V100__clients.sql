-- The api's registered clients (owned by the api module; ingest's migrations stay below V100).
-- Same table as the PostgreSQL migration, in H2's dialect.
CREATE TABLE clients (
    client_id    varchar(64)  NOT NULL PRIMARY KEY,
    secret_hash  varchar(100) NOT NULL,
    role         varchar(16)  NOT NULL,
    tier         varchar(16)  NOT NULL,
    display_name varchar(200),
    enabled      boolean      NOT NULL DEFAULT true,
    created_at   timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT clients_role_known CHECK (role IN ('ANALYST', 'ADMIN')),
    CONSTRAINT clients_tier_known CHECK (tier IN ('FREE', 'PRO', 'ENTERPRISE')),
    CONSTRAINT clients_id_format CHECK (REGEXP_LIKE(client_id, '^[a-z0-9][a-z0-9._-]{2,63}$')),
    CONSTRAINT clients_secret_is_bcrypt CHECK (REGEXP_LIKE(secret_hash, '^\$2[aby]?\$'))
);
