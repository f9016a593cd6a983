INSERT INTO tenants (id, slug, plan) VALUES ('ccf2d863-a129-49fb-8c9b-bfa296179dd0', 'tenant-0', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('8d241abc-7b6a-4092-8cdd-0dba8ff1c10b', 'tenant-1', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('07b80547-3a06-4aa3-8041-eca7db078501', 'tenant-2', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('345c79d4-a9e3-43a8-8f51-ff3f793fdf82', 'tenant-3', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('e7859966-4a5f-4e55-8595-a248bf39363a', 'tenant-4', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('9f63b26b-d403-449a-8443-1a48fd8b588c', 'tenant-5', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('ce069902-7f96-4e97-8fb2-4296a9fa9490', 'tenant-6', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('dc56e9ab-4e3e-4179-8ff5-636a0a340658', 'tenant-7', 'pro');
