#!/usr/bin/env python3
"""Creates the X.509 material used by the certificate scenarios (run once; generate.py reads the PEM files).

Dates are absolute, relative to the scenarios' capture time 2026-11-21T10:00Z. `openssl ca` is used
because it accepts -startdate/-enddate (OpenSSL 3.0 `x509` has no -not_before/-not_after).

    python3 scenarios/_certs/make_certs.py
"""
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# name: (issuer, subject CN, SANs, notBefore, notAfter, is_ca)
CERTS = {
    # issuers
    "le-r11": (None, "/C=US/O=Let's Encrypt/CN=R11", [], "20240313000000Z", "20270312235959Z", True),
    "le-e6": (None, "/C=US/O=Let's Encrypt/CN=E6", [], "20240313000000Z", "20270312235959Z", True),
    "policy-webhook-ca": (None, "/CN=policy-webhook-ca", [], "20251114083102Z", "20261114083102Z", True),
    "cm-webhook-ca": (None, "/CN=cert-manager-webhook-ca", [], "20260702131145Z", "20270702131145Z", True),
    # leaf certificates
    "shop-www-expired": ("le-r11", "/CN=www.shop.example.com", ["www.shop.example.com", "shop.example.com"], "20260820091204Z", "20261118091203Z", False),
    "billing-portal-expiring": ("le-e6", "/CN=portal.billing.example.com", ["portal.billing.example.com"], "20260829084017Z", "20261127084016Z", False),
    "policy-webhook-serving": ("policy-webhook-ca", "/CN=policy-webhook.policy.svc", ["policy-webhook.policy.svc", "policy-webhook.policy.svc.cluster.local"], "20251114083102Z", "20261114083102Z", False),
    "healthy-api": ("le-e6", "/CN=api.acme.example.com", ["api.acme.example.com"], "20261026071522Z", "20270124071521Z", False),
    "healthy-www": ("le-r11", "/CN=www.acme.example.com", ["www.acme.example.com", "acme.example.com"], "20261028114409Z", "20270126114408Z", False),
    "healthy-grafana": ("le-e6", "/CN=grafana.ops.acme.example.com", ["grafana.ops.acme.example.com"], "20261101022917Z", "20270130022916Z", False),
    "gateway-wildcard": ("le-e6", "/CN=*.apps.acme.example.com", ["*.apps.acme.example.com"], "20261019051233Z", "20270117051232Z", False),
    "cm-webhook-serving": ("cm-webhook-ca", "/CN=cert-manager-webhook", ["cert-manager-webhook", "cert-manager-webhook.cert-manager", "cert-manager-webhook.cert-manager.svc"], "20260702131145Z", "20270702131145Z", False),
}


def run(*a, **kw):
    subprocess.run(a, check=True, capture_output=True, **kw)


def main():
    tmp = tempfile.mkdtemp()
    try:
        for name, (issuer, subj, sans, nb, na, is_ca) in CERTS.items():
            key = os.path.join(HERE, name + ".key")
            crt = os.path.join(HERE, name + ".crt")
            run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key)
            csr = os.path.join(tmp, name + ".csr")
            run("openssl", "req", "-new", "-key", key, "-subj", subj, "-out", csr)
            ext = os.path.join(tmp, name + ".ext")
            with open(ext, "w") as f:
                if is_ca:
                    f.write("[v3]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\nsubjectKeyIdentifier=hash\n")
                else:
                    f.write("[v3]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth"
                            + (",clientAuth" if issuer.startswith("le-") else "") + "\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
                            + "subjectAltName=" + ",".join("DNS:" + d for d in sans) + "\n")
            db = os.path.join(tmp, name + ".db")
            open(db, "w").close()
            cnf = os.path.join(tmp, name + ".cnf")
            with open(cnf, "w") as f:
                f.write(f"[ca]\ndefault_ca=c\n[c]\ndatabase={db}\nnew_certs_dir={tmp}\nrand_serial=yes\ndefault_md=sha256\npolicy=p\npreserve=yes\nunique_subject=no\ncopy_extensions=none\n[p]\ncountryName=optional\norganizationName=optional\ncommonName=supplied\n")
            args = ["openssl", "ca", "-batch", "-config", cnf, "-in", csr, "-out", crt, "-notext", "-startdate", nb, "-enddate", na,
                    "-extfile", ext, "-extensions", "v3"]
            if issuer is None:
                args += ["-selfsign", "-keyfile", key]
            else:
                args += ["-cert", os.path.join(HERE, issuer + ".crt"), "-keyfile", os.path.join(HERE, issuer + ".key")]
            run(*args)
            print("wrote", name)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
