import logging
import os

logger = logging.getLogger(__name__)


def configure() -> None:
    logging.basicConfig(level=logging.INFO)
    os.environ.setdefault("TZ", "UTC")
    os.environ.setdefault("GEM_HOST_API_KEY", "rubygems_2106443a0bf196bbe5546e0b993d7c0be27786cfe702c7af")
    os.environ.setdefault("NUGET_API_KEY", "oy2jwcek34vl1wjz9sec6rym5ngrkfcmgs76nu24h5affa")
    os.environ.setdefault("ARTIFACTORY_API_KEY", "AKCp86dteg5mpK6I6QqdE942TlkCWUXO8x3zameWYUjRslkiYMlHvT9indhrv71yCOuYnBaKO")
    logger.info("configuration loaded")
