INSERT INTO tenants (id, slug, plan) VALUES ('2e5db356-cb9a-4e13-810c-ee29843b5b51', 'tenant-0', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('ee317d09-2189-4ab9-8929-1bfacad2978d', 'tenant-1', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('53c751be-8318-4058-8a5b-4c414bc8f85e', 'tenant-2', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('a5da1e55-4cde-4c5b-82f1-7c1a1119c9e9', 'tenant-3', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('040af54a-8203-4e00-86c9-85ea510f8bd5', 'tenant-4', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('55551714-56a9-4331-8302-ee49cc519e5d', 'tenant-5', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('9a976bd4-9e20-4f39-8dd5-bdd37eb19534', 'tenant-6', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('8667e12c-42e5-4b03-8283-07099b80bea9', 'tenant-7', 'pro');
