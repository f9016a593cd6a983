"""leakstop.placeholders: the one home of "is this a placeholder or a reference?"."""
from __future__ import annotations

import os

import pytest

from leakstop.config import Config
from leakstop.placeholders import PlaceholderShapes, is_placeholder, is_reference, placeholder_password

SRC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'src', 'leakstop')


@pytest.mark.parametrize(('value', 'reference'), [
    ('${DB_PASSWORD}', True), ('{{ vault_db_password }}', True), ('%(password)s', True), ('os.environ["X"]', True),
    ('vault:secret/data/db#password', True), ('!vault', True), ('ENC[AES256_GCM,data:abc]', True), ('$API_KEY', True),
    ('Zq8bX3nR5tY7uV9wK2mL', False), ('hunter22', False), ('sk_live_abc123', False),
])
def test_references(value: str, reference: bool) -> None:
    assert is_reference(value) is reference


@pytest.mark.parametrize(('password', 'placeholder'), [
    ('password', True), ('<secret>', True), ('${PASS}', True), ('CHANGEME', True), ('{pwd}', True),
    ('Vq8Lr2Zx9TfK', False), ('hunter22', False),
])
def test_placeholder_passwords(password: str, placeholder: bool) -> None:
    assert placeholder_password(password) is placeholder


@pytest.mark.parametrize(('value', 'placeholder'), [
    ('<your-api-key>', True), ('your_token_here', True), ('changeme', True), ('xxxxxxxx', True), ('${X}', True),
    ('"Zq8bX3nR5tY7uV9wK2mL"', False),
])
def test_the_allowlist_judges_placeholders_with_the_shipped_shapes(value: str, placeholder: bool, default_config: Config) -> None:
    shapes = default_config.allowlist.builtin.placeholders
    assert shapes == PlaceholderShapes.load()
    assert is_placeholder(value, shapes) is placeholder


def test_no_other_module_keeps_placeholder_shapes_or_references() -> None:
    """One home: the shapes, the reference pattern and the placeholder passwords are defined only in
    placeholders.py (other modules import them)."""
    homes = []
    for directory, _, names in os.walk(SRC):
        for name in names:
            if name.endswith('.py'):
                path = os.path.join(directory, name)
                with open(path) as f:
                    text = f.read()
                if ('REFERENCE = ' in text or 'def is_placeholder' in text or '_PLACEHOLDER_PASSWORDS = ' in text
                        or "'placeholders.toml'" in text):
                    homes.append(os.path.relpath(path, SRC))
    assert homes == ['placeholders.py']
