"""HTTPS with a company's own certificate authority: the server serves a certificate
signed by a self-signed CA; a client given the CA bundle signs in and syncs, a client
without it (or with another CA) fails with a clear certificate message."""
from __future__ import annotations

import datetime as dt
import ipaddress
import os
import subprocess
import sys

import certifi
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.store import Store
from sync.engine import SyncEngine, SyncError
from tests.faults.conftest import prepare
from tests.support.server import PASSWORD, ROOT, ServerProcess


def authority(folder, name: str):
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    path = folder / f"{name}.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert, path


def server_certificate(folder, ca_key, ca_cert):
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    ca_key, ca_cert, ca_path = authority(folder, "company-ca")
    cert, key = server_certificate(folder, ca_key, ca_cert)
    _, _, stranger = authority(folder, "another-ca")
    url = f"sqlite:///{folder / 'server.sqlite'}"
    prepare(url)
    proc = ServerProcess(url, log_path=folder / "server.log", ca_bundle=str(ca_path),
                         extra_args=("--ssl-certfile", str(cert), "--ssl-keyfile", str(key))).start()
    yield {"url": proc.url, "ca": ca_path, "stranger": stranger, "folder": folder}
    proc.stop()


def main_py(folder, *args):
    # A machine-wide bundle in the environment (as on many company machines) must not
    # push the profile's own CA bundle aside.
    env = {**os.environ, "LTC_PASSWORD": PASSWORD, "PYTHON_KEYRING_BACKEND": "tests.keyring_backend.FileKeyring",
           "LTC_TEST_KEYRING_FILE": str(folder / "keyring.json"), "REQUESTS_CA_BUNDLE": certifi.where()}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_with_the_company_ca_bundle_a_client_signs_in_and_syncs_over_https(tls_server, tmp_path):
    assert tls_server["url"].startswith("https://")
    profile = tmp_path / "laptop"
    out = main_py(tmp_path, "login", "--server", tls_server["url"], "--user", "rep1", "--ca-bundle",
                  str(tls_server["ca"]), "--profile", str(profile))
    assert out.returncode == 0, out.stderr
    assert "signed in as rep1" in out.stdout
    out = main_py(tmp_path, "sync", "--profile", str(profile), "--quiet")
    assert out.returncode == 0, out.stderr
    assert "pulled" in out.stdout


def test_without_the_bundle_or_with_another_ca_the_certificate_is_refused_clearly(tls_server, tmp_path):
    out = main_py(tmp_path, "login", "--server", tls_server["url"], "--user", "rep1", "--profile", str(tmp_path / "a"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "certificate could not be verified" in out.stderr and "CA bundle" in out.stderr
    engine = SyncEngine(Store.open(tmp_path / "b"))
    with pytest.raises(SyncError) as caught:
        engine.login(tls_server["url"], "rep1", PASSWORD, ca_bundle=str(tls_server["stranger"]))
    assert "certificate could not be verified" in caught.value.message
    assert engine.server_url is None  # nothing was bound to a server it could not trust
    engine.store.close()
