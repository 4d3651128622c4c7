"""Serve a built site through Debian's nginx on a loopback port, with the snippet the build wrote and nothing else.

A tool around the product, not part of it (so it lives beside scripts/serve_prod.py, outside patient_site): for the
tests (tests/nginx_server.py), `make serve-prod` and the benchmark. The server block is the minimum a host writes (listen,
root, `include` of the snippet), so what a reader gets is what the snippet says. nginx runs in the
foreground as one process of the current user (`master_process off`), and everything it writes (pid,
logs, temp files) stays in a folder of its own.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

MIME_TYPES = Path("/etc/nginx/mime.types")
INSTALL = "sudo apt-get install nginx"
# Per request: status, body bytes, all bytes (headers too), Content-Encoding and the path; the benchmark reads it.
LOG_FORMAT = '$status $body_bytes_sent $bytes_sent "$sent_http_content_encoding" "$request_uri"'


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).is_file()), None)


def config_text(site: Path, snippet: Path, work: Path, port: int, host: str = "127.0.0.1",
                tls: tuple[Path, Path] | None = None) -> str:
    """An nginx.conf whose only server serves `site` with `snippet` included; all its files under `work`.

    With `tls` (certificate, key) it speaks HTTPS and HTTP/2, as a real host does (the benchmark's paint check)."""
    listen = f"{host}:{port}" + (f" ssl http2;\n        ssl_certificate {tls[0]};\n        ssl_certificate_key {tls[1]}" if tls else "")
    temps = "\n".join(f"    {kind}_temp_path {work / (kind + '_temp')};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""daemon off;
master_process off;
worker_processes 1;
pid {work / 'nginx.pid'};
error_log {work / 'error.log'} warn;
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    log_format site '{LOG_FORMAT}';
    access_log {work / 'access.log'} site;
{temps}
    server {{
        listen {listen};
        server_name localhost;
        root {site.resolve()};
        include {snippet.resolve()};
    }}
}}
"""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@dataclass
class Nginx:
    """A running nginx; `url` ends in "/"; `stop()` ends it."""

    process: subprocess.Popen
    url: str
    work: Path

    @property
    def access_log(self) -> Path:
        return self.work / "access.log"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start(site: Path, snippet: Path, work: Path, port: int = 0, host: str = "127.0.0.1",
          tls: tuple[Path, Path] | None = None) -> Nginx:
    """Start nginx serving `site` with `snippet` (over HTTPS and HTTP/2 with `tls`); returns once it answers.
    Raises RuntimeError with its log."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError(f"nginx is not installed. Run: {INSTALL}")
    work.mkdir(parents=True, exist_ok=True)
    for _attempt in range(5):  # a free port can be taken by someone else before nginx binds it
        chosen = port or free_port(host)
        conf = work / "nginx.conf"
        conf.write_text(config_text(site, snippet, work, chosen, host, tls), "utf-8")
        with open(work / "stderr.log", "wb") as stderr:  # the child keeps its own handle
            process = subprocess.Popen([binary, "-p", str(work), "-e", str(work / "error.log"), "-c", str(conf)],
                                       stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection((host, chosen), timeout=0.2).close()
                return Nginx(process, f"{'https' if tls else 'http'}://{host}:{chosen}/", work)
            except OSError:
                time.sleep(0.05)
        if process.poll() is None:
            process.kill()
        process.wait()
        error = "".join(log.read_text("utf-8", errors="replace") for log in (work / "stderr.log", work / "error.log") if log.exists())
        if port or "Address already in use" not in error:
            raise RuntimeError(f"nginx did not start: {error.strip()}")
    raise RuntimeError("nginx did not start: no free loopback port")
