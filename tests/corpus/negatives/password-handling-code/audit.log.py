logger.warning("failed login for %s: wrong password", username)
logger.info("api key %s rotated", key_id)
logger.info("token refreshed; expires_in=%d", expires_in)
