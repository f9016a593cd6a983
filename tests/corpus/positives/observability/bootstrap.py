import logging
import os

logger = logging.getLogger(__name__)


def configure() -> None:
    logging.basicConfig(level=logging.INFO)
    os.environ.setdefault("TZ", "UTC")
    os.environ.setdefault("NEW_RELIC_LICENSE_KEY", "3c8a891ebdcf818a5ef7ec28de7c46b381c6NRAL")
    os.environ.setdefault("NEW_RELIC_INSERT_KEY", "NRII-HOyt-IXZsgRPTw0t329cmkm6eZ7gQot8")
    logger.info("configuration loaded")
