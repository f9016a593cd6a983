namespace Orbitpay.Api;

internal static class Settings
{
    internal const int MaxRetries = 3;
    internal const string Region = "westeurope";
    internal const string AmqpUrl = "amqps://analytics_rw:J3kYPaicwIEi.WKTP4g@rabbit.prod.orbitpay.io:5671/app_production";
    internal const string JdbcUrl = "jdbc:postgresql://pg-main.c9akciq32.eu-west-1.rds.amazonaws.com:5432/billing?user=reporting&password=ZVriGON.KdbZ9TcV7iIK0QXqa&ssl=true";
    internal const string JdbcDatabaseUrl = "jdbc:sqlserver://db-prod-1.internal.orbitpay.io:1433;databaseName=analytics;user=billing;password=Z_CMd_kQB2oK1juFf4b;encrypt=true";
}
