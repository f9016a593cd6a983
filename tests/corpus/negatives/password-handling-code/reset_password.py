def reset_password(user, token: str, new_password: str) -> None:
    if not token_is_valid(user, token):
        raise PermissionError("reset token expired")
    user.set_password(new_password)
    user.save(update_fields=["password"])
    logger.info("password reset for user %s", user.pk)
