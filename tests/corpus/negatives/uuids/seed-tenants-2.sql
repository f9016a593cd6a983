INSERT INTO tenants (id, slug, plan) VALUES ('5e83a0bf-1875-4d06-8d1d-31368d021928', 'tenant-0', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('02ffda95-c5cb-46e0-8bf7-292018f4f154', 'tenant-1', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('e3c668c8-fe51-4aa6-8825-9fd4e8f98040', 'tenant-2', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('449c0c87-070b-44c1-8799-216406c97da2', 'tenant-3', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('2a314be3-96d4-44b3-88e0-c00f71cf4ddf', 'tenant-4', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('cd66a292-990d-4149-8a47-cd42413055d9', 'tenant-5', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('e90eaa2c-ff06-4547-8af7-21926fa3ae4e', 'tenant-6', 'pro');
INSERT INTO tenants (id, slug, plan) VALUES ('f63ccae0-8e4a-4087-8d2e-41799acd999f', 'tenant-7', 'pro');
