package io.orbitpay.db

import com.zaxxer.hikari.HikariConfig

fun hikari() = HikariConfig().apply {
    jdbcUrl = "jdbc:postgresql://db-prod-1.internal.orbitpay.io:5432/orbit"
    username = "orbit"
    password = "Jgnhgbw3369!"
    maximumPoolSize = 10
}
