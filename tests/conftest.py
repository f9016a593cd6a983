from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))  # tests/fakes.py

from leakstop.config import Config, config_from_table  # noqa: E402
from leakstop.engine import RuleSet  # noqa: E402
from leakstop.scan import ruleset_for  # noqa: E402


@pytest.fixture(scope='session')
def default_config() -> Config:
    return config_from_table({}, '(defaults)', None)


@pytest.fixture(scope='session')
def ruleset(default_config: Config) -> RuleSet:
    return ruleset_for(default_config)
