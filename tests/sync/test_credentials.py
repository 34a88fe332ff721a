"""Tokens go to the keyring (here the in-memory test backend selected through
PYTHON_KEYRING_BACKEND), or to memory with a reason when the keyring is insecure."""
from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from sync import credentials
from tests.keyring_backend import MemoryKeyring


@pytest.fixture
def insecure_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)
    credentials._memory.clear()


def test_the_test_backend_is_the_one_selected_by_the_environment():
    assert isinstance(keyring.get_keyring(), MemoryKeyring)


def test_a_token_is_stored_in_the_keyring_under_the_server_and_user():
    assert credentials.save_token("https://ltc.example.com/", "rep1", "tok-1") is None
    assert keyring.get_password("LTC Desk", "https://ltc.example.com#rep1") == "tok-1"
    assert credentials.load_token("https://ltc.example.com", "rep1") == "tok-1"
    credentials.forget_token("https://ltc.example.com", "rep1")
    assert credentials.load_token("https://ltc.example.com", "rep1") is None


def test_an_insecure_keyring_keeps_the_token_in_memory_and_says_why(insecure_keyring):
    reason = credentials.save_token("https://ltc.example.com", "rep2", "tok-2")
    assert reason and "no secure keyring" in reason
    assert credentials.load_token("https://ltc.example.com", "rep2") == "tok-2"
