object Db {
    const val URL = "jdbc:postgresql://db-prod-1.internal.orbitpay.io/orbit"
    const val USER = "orbit"
    const val PASSWORD = "Kestrel2371-"
}
