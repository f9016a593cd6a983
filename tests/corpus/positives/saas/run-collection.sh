postman login --with-api-key PMAK-d8000c05d43e1af877b3680f-0f86b8a3cdc0d912254f69138a9b26e8bb
postman collection run 28102334-1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718 -e production.json
