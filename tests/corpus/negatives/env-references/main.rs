let token = std::env::var("API_TOKEN").expect("API_TOKEN must be set");
let password = env::var("DB_PASSWORD").unwrap_or_default();
