@Bean
public PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder(12);
}

@Bean
public UserDetailsService users(DataSource ds) {
    return new JdbcUserDetailsManager(ds);
}
