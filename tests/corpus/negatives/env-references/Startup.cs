var apiKey = builder.Configuration["Integrations:ApiKey"];
var password = Environment.GetEnvironmentVariable("DB_PASSWORD");
var conn = builder.Configuration.GetConnectionString("Default");
