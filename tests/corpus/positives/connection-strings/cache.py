import redis

cache = redis.Redis.from_url("redis://:L4nt3rn-1678@redis-prod.orbitpay.internal:6379/2", decode_responses=True)


def remember(key: str, value: str, ttl: int = 300) -> None:
    cache.setex(key, ttl, value)
