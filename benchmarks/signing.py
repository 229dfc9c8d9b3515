"""Signing timings: prints medians, asserts nothing.

    uv run python benchmarks/signing.py [--runs N]

* cold CLI: ``dla-drafter verify`` of a signed one-page letter, whole process (pyHanko's
  import dominates);
* in-process: loading the PKCS#12 file, signing visibly (Thai stamp) and invisibly, and
  verifying against a trust root, for the memo example. The key and CA are made here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "benchmark"


def make_p12() -> tuple[bytes, object]:
    """A root CA and a signer (RSA 2048) as a passphrase-protected PKCS#12 file."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = (x509.CertificateBuilder().subject_name(name("Bench CA")).issuer_name(name("Bench CA"))
            .public_key(root_key.public_key()).serial_number(1)
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(root_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder().subject_name(name("นายทดสอบ ความเร็ว"))
            .issuer_name(root.subject).public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .sign(root_key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        b"signer", key, cert, [root], serialization.BestAvailableEncryption(PASSPHRASE.encode()))
    return data, root


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from dla_drafter import pipeline, signing
    from dla_drafter.model.draftio import load_draft_with_warnings
    from dla_drafter.settings import RenderSettings

    p12, root = make_p12()
    letter, _ = load_draft_with_warnings(ROOT / "examples" / "memo-2569.dladraft.json")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "memo.pdf"
        made = pipeline.make_outputs(letter, [pdf], RenderSettings(use_system_th_sarabun=False))
        pipeline.write_outputs(made.files)
        pages = made.pages
        data = pdf.read_bytes()
        key = signing.load_pkcs12_data(p12, PASSPHRASE)
        box = signing.signature_box(pages)
        signed = signing.sign_pdf(data, key, box)  # warm: pyHanko imported, font loaded
        signed_file = Path(tmp) / "signed.pdf"
        signed_file.write_bytes(signed)
        signing.verify_pdf(signed, [root])

        rows = [
            ("load PKCS#12", median_ms(lambda: signing.load_pkcs12_data(p12, PASSPHRASE), runs)),
            ("sign, visible", median_ms(lambda: signing.sign_pdf(data, key, box), runs)),
            ("sign, invisible", median_ms(lambda: signing.sign_pdf(data, key, None), runs)),
            ("verify, with trust root",
             median_ms(lambda: signing.verify_pdf(signed, [root]), runs)),
            ("is_signed_pdf", median_ms(lambda: signing.is_signed_pdf(signed_file), runs)),
        ]
        cold = median_ms(lambda: subprocess.run(
            [sys.executable, "-m", "dla_drafter", "verify", str(signed_file)],
            capture_output=True, check=True), max(1, runs // 2))
        rows.insert(0, ("cold CLI verify (whole process)", cold))
    print(f"PDF {len(data)} bytes, signed {len(signed)} bytes ({len(pages)} page)")
    for label, ms in rows:
        print(f"{label:34s} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
