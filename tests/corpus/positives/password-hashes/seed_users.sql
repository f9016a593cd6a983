INSERT INTO users (id, email, password_hash, role, created_at) VALUES
  (1, 'admin@orbitpay.io', '$2b$12$a2OLqBvjCjVaqeeNR22NdMc0wGX0.7c1L1H9mwfMzfeNbZVQQgCsz', 'admin', NOW()),
  (2, 'support@orbitpay.io', '$2b$12$muDuR/kpW/OhHGSX2Woo9cJSDO/ltfeJj3HwFrEM/RsdKZwaItVjd', 'support', NOW()),
  (3, 'readonly@orbitpay.io', '$argon2id$v=19$m=65536,t=3,p=4$aAioEob2E2vHiZK0CCE1HA$lJYnTpaP0NlTXsbD7eg4IjGT5S33UAZCw5hrzzRSUwk', 'viewer', NOW());
