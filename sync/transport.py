"""All traffic to the server goes through here: one requests.Session, explicit timeouts,
retries with exponential backoff and jitter where a retry is safe, typed errors.

Retried: connection errors, timeouts, 5xx and 429 (honouring Retry-After). Never
retried: any other 4xx, which would fail the same way again. Pushes are safe to retry
because the server stores each mutation's result and answers a replay with it.
"""
from __future__ import annotations

import email.utils
import gzip
import logging
import random
import threading
import time

import orjson
import requests

from app import __version__
from sync.protocol import API_PREFIX, PROTOCOL_HEADER, PROTOCOL_VERSION

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 60.0
COMPRESS_ABOVE = 16 * 1024


class TransportError(Exception):
    """Base of what talking to the server can go wrong with; `message` is a sentence."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Offline(TransportError):
    """The server could not be reached (after the retries)."""


class Cancelled(TransportError):
    pass


class CertificateError(TransportError):
    """TLS verification failed (unknown CA, wrong host name, expired certificate)."""


def _ssl_reason(exc: Exception) -> str:
    text = str(exc)
    for marker in ("CERTIFICATE_VERIFY_FAILED", "certificate verify failed", "hostname mismatch"):
        if marker in text:
            start = text.find(marker)
            return text[start:start + 120].split("')")[0]
    return type(exc).__name__


class ServerError(TransportError):
    """The server answered with an error body (PROTOCOL.md's shape)."""

    def __init__(self, status: int, code: str, message: str, details: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.details = status, code, details or {}


class AuthRequired(ServerError):
    """401: the token is missing, expired or revoked; the user must sign in again."""


class UpgradeRequired(ServerError):
    """426: this client's protocol version is not supported by the server."""


class ResyncRequired(ServerError):
    """410: the server no longer has the history behind our cursor."""


STATUS_ERRORS = {401: AuthRequired, 426: UpgradeRequired, 410: ResyncRequired}


class Transport:
    def __init__(self, base_url: str, *, token: str | None = None, ca_bundle: str | None = None,
                 retries: int = 6, backoff: float = 0.5, max_backoff: float = 30.0,
                 timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
                 cancel: threading.Event | None = None):
        self.base_url = normalise_url(base_url)
        self.token = token
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.timeout = timeout
        self.cancel = cancel or threading.Event()
        self.bytes_received = 0
        self.session = requests.Session()
        # TLS is always verified: with the system store, or a company CA bundle.
        self.session.verify = ca_bundle or True
        self.session.headers.update({
            "User-Agent": f"LTC-Desk/{__version__}",
            "Accept": "application/json",
            "Accept-Encoding": "gzip",
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
        })

    def close(self) -> None:
        self.session.close()

    def request(self, method: str, path: str, *, body=None, params: dict | None = None,
                timeout: tuple[float, float] | None = None, retry: bool = True):
        """Send one request; returns the decoded JSON body (None for 204)."""
        url = self.base_url + API_PREFIX + path
        headers = {}
        data = None
        if body is not None:
            data = orjson.dumps(body)
            headers["Content-Type"] = "application/json"
            if len(data) > COMPRESS_ABOVE:
                data = gzip.compress(data, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        attempt = 0
        while True:
            if self.cancel.is_set():
                raise Cancelled("the sync was cancelled")
            try:
                # verify given per request: requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE
                # override a session's own bundle, which would ignore the company CA bundle.
                response = self.session.request(method, url, data=data, params=params, headers=headers,
                                                timeout=timeout or self.timeout, verify=self.session.verify)
            except requests.exceptions.SSLError as exc:
                # Not retried: a certificate that fails now fails the same way next time.
                raise CertificateError(
                    f"the server's certificate could not be verified ({_ssl_reason(exc)}); "
                    "if your company uses its own certificate authority, give its CA bundle") from None
            except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError) as exc:  # truncated or garbled replies too
                if not retry or attempt >= self.retries:
                    raise Offline(f"cannot reach the server at {self.base_url} ({type(exc).__name__})") from None
                self._wait(attempt, None)
                attempt += 1
                continue
            status = response.status_code
            if (status >= 500 or status == 429) and retry and attempt < self.retries:
                self._wait(attempt, response.headers.get("Retry-After"))
                attempt += 1
                continue
            return self._decode(response)

    def _decode(self, response):
        status = response.status_code
        content = response.content
        self.bytes_received += len(content)
        if 200 <= status < 300:
            if status == 204 or not content:
                return None
            try:
                return orjson.loads(content)
            except orjson.JSONDecodeError:
                raise ServerError(status, "bad_response", "the server sent a reply that is not JSON") from None
        try:
            err = orjson.loads(content)["error"]
            code, message, details = err.get("code", "error"), err.get("message", ""), err.get("details") or {}
        except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
            code, message, details = f"http_{status}", f"the server answered {status} {response.reason}", {}
        raise STATUS_ERRORS.get(status, ServerError)(status, code, message or code, details)

    def _wait(self, attempt: int, retry_after: str | None) -> None:
        delay = min(self.max_backoff, self.backoff * 2 ** attempt) * random.uniform(0.5, 1.5)
        hinted = parse_retry_after(retry_after)
        if hinted is not None:
            delay = max(delay, hinted)
        log.info("retrying in %.1f s (attempt %d)", delay, attempt + 1)
        if self.cancel.wait(delay):
            raise Cancelled("the sync was cancelled")


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def normalise_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if url.endswith(API_PREFIX):
        url = url[: -len(API_PREFIX)]
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"the server address must start with http:// or https:// ({url})")
    return url
