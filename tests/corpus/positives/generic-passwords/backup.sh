#!/bin/bash
set -e
STAMP=$(date +%F)
mysqldump -u backup -p'Gssfwl^Hfkzn72' --single-transaction orders | gzip > "/backups/orders-${STAMP}.sql.gz"
PGPASSWORD='Dpnvuh!798' pg_dump -h db-prod-1.internal.orbitpay.io -U ledger ledger > "/backups/ledger-${STAMP}.sql"
sshpass -p 'MbdsyKUrfu9cAO' scp /backups/*-"${STAMP}"* backup@vault.orbitpay.internal:/data/
