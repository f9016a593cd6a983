def bind(conn, user_dn: str, password: str) -> bool:
    if not password:
        return False  # an empty password would be an anonymous bind
    return conn.simple_bind_s(user_dn, password)
