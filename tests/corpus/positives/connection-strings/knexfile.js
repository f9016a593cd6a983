module.exports = {
  production: {
    client: "mysql2",
    connection: "mysql://orders:Ddxdg_Zkqjx5641@mysql.ledgerly.net:3306/orders",
    pool: { min: 2, max: 10 },
    migrations: { tableName: "knex_migrations" },
  },
};
