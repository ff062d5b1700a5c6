"""A real SMTP server on loopback for the tests: aiosmtpd, twice.

- plain: no TLS, no authentication (like a development mail catcher);
- secure: STARTTLS required, then AUTH (PLAIN or LOGIN) as user "weerbaar" with the password
  in $SMTP_SINK_PASSWORD, with a throwaway self-signed certificate for "localhost".

Every accepted message is written to DIR/messages/NNNNNN.eml with its envelope in NNNNNN.json.
Recipients whose local part starts with "tijdelijk" get 451 (try again later), with "onbekend"
550 (no such mailbox), so senders can be tested on both kinds of failure.

    python sink.py DIR        # writes DIR/sink.json (ports, certificate) and serves until SIGTERM
"""
import asyncio, itertools, json, os, pathlib, signal, socket, ssl, subprocess, sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

directory = pathlib.Path(sys.argv[1])
messages = directory / "messages"
messages.mkdir(parents=True, exist_ok=True)
password = os.environ.get("SMTP_SINK_PASSWORD", "sink-password")
counter = itertools.count(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Save:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("tijdelijk"):
            return "451 4.3.0 Mailbox temporarily unavailable"
        if local.startswith("onbekend"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        number = next(counter)
        stem = messages / f"{number:06d}"
        stem.with_suffix(".eml").write_bytes(envelope.original_content or envelope.content)
        # The envelope appears whole or not at all: readers poll for it while mail is still arriving.
        partial = stem.with_suffix(".json.partial")
        partial.write_text(json.dumps({
            "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None, "authenticated": bool(session.authenticated),
        }))
        os.replace(partial, stem.with_suffix(".json"))
        return "250 OK queued"


def authenticator(server, session, envelope, mechanism, auth_data):
    # handled=False: aiosmtpd then answers 235 or 535 itself (True would leave the client waiting).
    ok = auth_data.login == b"weerbaar" and auth_data.password == password.encode()
    return AuthResult(success=ok, handled=False)


cert, key = directory / "cert.pem", directory / "key.pem"
subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
               check=True, capture_output=True)
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)

plain_port, secure_port = free_port(), free_port()
plain = Controller(Save(), hostname="127.0.0.1", port=plain_port)
secure = Controller(Save(), hostname="127.0.0.1", port=secure_port, tls_context=context, require_starttls=True,
                    authenticator=authenticator, auth_require_tls=True, server_hostname="localhost")
plain.start()
secure.start()
(directory / "sink.json").write_text(json.dumps({"plain_port": plain_port, "secure_port": secure_port, "cert": str(cert)}))

stop = asyncio.Event()
loop = asyncio.new_event_loop()
for sig in (signal.SIGTERM, signal.SIGINT):
    loop.add_signal_handler(sig, stop.set)
loop.run_until_complete(stop.wait())
plain.stop()
secure.stop()
