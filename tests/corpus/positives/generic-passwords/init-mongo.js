db = db.getSiblingDB("catalog");
db.createUser({
  user: "catalog",
  pwd: "J0jisAhTCcEh7p3Eb_dD",
  roles: [{ role: "readWrite", db: "catalog" }],
});
