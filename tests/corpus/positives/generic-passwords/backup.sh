#!/bin/bash
set -e
STAMP=$(date +%F)
mysqldump -u backup -p'Iris*Sparrow277' --single-transaction orders | gzip > "/backups/orders-${STAMP}.sql.gz"
PGPASSWORD='Monkey!123' pg_dump -h db-prod-1.internal.orbitpay.io -U ledger ledger > "/backups/ledger-${STAMP}.sql"
sshpass -p 'XJrolg8pWNucE6' scp /backups/*-"${STAMP}"* backup@vault.orbitpay.internal:/data/
