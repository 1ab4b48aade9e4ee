-- Schema version 5: a cache of PeeringDB (facilities, exchanges and who is where), filled by
-- "peering-wizard peeringdb sync" in one transaction, read by the facility and metro pickers,
-- the facilities command and the PeeringDB checks. Column names are PeeringDB's own field names
-- (depth=0 answers). No API key is ever stored.

CREATE TABLE pdb_fac (
    id BIGINT PRIMARY KEY,
    org_id BIGINT,
    campus_id BIGINT,
    name TEXT,
    aka TEXT,
    address1 TEXT,
    city TEXT,
    state TEXT,
    zipcode TEXT,
    country TEXT,
    region_continent TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    status TEXT,
    updated TEXT
);

CREATE TABLE pdb_ix (
    id BIGINT PRIMARY KEY,
    org_id BIGINT,
    name TEXT,
    aka TEXT,
    name_long TEXT,
    city TEXT,
    country TEXT,
    region_continent TEXT,
    status TEXT,
    updated TEXT
);

CREATE TABLE pdb_ixfac (
    id BIGINT PRIMARY KEY,
    ix_id BIGINT,
    fac_id BIGINT,
    status TEXT,
    updated TEXT
);
CREATE INDEX pdb_ixfac_ix ON pdb_ixfac (ix_id);

CREATE TABLE pdb_ixlan (
    id BIGINT PRIMARY KEY,
    ix_id BIGINT,
    name TEXT,
    mtu BIGINT,
    rs_asn BIGINT,
    status TEXT,
    updated TEXT
);

CREATE TABLE pdb_ixpfx (
    id BIGINT PRIMARY KEY,
    ixlan_id BIGINT,
    protocol TEXT,
    prefix TEXT,
    in_dfz INTEGER,
    status TEXT,
    updated TEXT
);
CREATE INDEX pdb_ixpfx_ixlan ON pdb_ixpfx (ixlan_id);

CREATE TABLE pdb_netfac (
    id BIGINT PRIMARY KEY,
    net_id BIGINT,
    fac_id BIGINT,
    local_asn BIGINT,
    status TEXT,
    updated TEXT
);
CREATE INDEX pdb_netfac_net ON pdb_netfac (net_id);

CREATE TABLE pdb_netixlan (
    id BIGINT PRIMARY KEY,
    net_id BIGINT,
    ix_id BIGINT,
    ixlan_id BIGINT,
    asn BIGINT,
    ipaddr4 TEXT,
    ipaddr6 TEXT,
    speed BIGINT,
    is_rs_peer INTEGER,
    operational INTEGER,
    status TEXT,
    updated TEXT
);
CREATE INDEX pdb_netixlan_asn ON pdb_netixlan (asn);

CREATE TABLE pdb_net (
    id BIGINT PRIMARY KEY,
    org_id BIGINT,
    asn BIGINT,
    name TEXT,
    aka TEXT,
    irr_as_set TEXT,
    info_type TEXT,
    status TEXT,
    updated TEXT
);
CREATE INDEX pdb_net_asn ON pdb_net (asn);

-- One row per object: what was asked (the filter, so that a changed filter fetches the object
-- whole again), when the sync that brought it started (unix seconds: the next sync asks
-- since=synced_at-1), how many rows, and from where (a URL without any key, or a folder).
CREATE TABLE pdb_sync (
    object TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    synced_at BIGINT NOT NULL,
    row_count BIGINT NOT NULL,
    source TEXT NOT NULL,
    synced_by TEXT NOT NULL
);
