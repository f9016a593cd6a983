package io.orbitpay.auth;

import org.springframework.ldap.core.support.LdapContextSource;

public class LdapConfig {
    public LdapContextSource contextSource() {
        LdapContextSource src = new LdapContextSource();
        src.setUrl("ldaps://ldap.orbitpay.internal:636");
        src.setUserDn("cn=svc-orbit,ou=services,dc=orbitpay,dc=io");
        src.setPassword("Mngtaac2283!");
        return src;
    }
}
