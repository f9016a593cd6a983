data class DbConfig(val url: String, val user: String, val password: String)

fun dbConfig() = DbConfig(
    url = System.getenv("DB_URL"),
    user = System.getenv("DB_USER"),
    password = System.getenv("DB_PASSWORD"),
)
