import redis

cache = redis.Redis.from_url("redis://:Fdqt0_301@redis-prod.orbitpay.internal:6379/2", decode_responses=True)


def remember(key: str, value: str, ttl: int = 300) -> None:
    cache.setex(key, ttl, value)
