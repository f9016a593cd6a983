import logging
import os

logger = logging.getLogger(__name__)


def configure() -> None:
    logging.basicConfig(level=logging.INFO)
    os.environ.setdefault("TZ", "UTC")
    os.environ.setdefault("BUILDKITE_AGENT_TOKEN", "423941396ab527bc71c5970af2d63bca0665f5a4f911de7eb5")
    os.environ.setdefault("JENKINS_API_TOKEN", "11b7b527ddec3c18b4a1ecf261714ed9a6")
    logger.info("configuration loaded")
