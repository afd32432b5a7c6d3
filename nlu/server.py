"""One NLU server for the store: the standard ``rasa run --enable-api`` as a child process.

``NluServer(model, port=5005).start()`` launches ``python -m rasa run --enable-api`` with the
model, waits (with a deadline) until ``GET /status`` names the model, and ``stop()`` ends it
(SIGTERM, then SIGKILL). Any Rasa client can talk to it; the kiosks use
:class:`nlu.http.HttpParser`. ``voicecart nlu serve``, the tests and the benchmarks all start
the server through this class. Rasa's own output goes to a log file unless ``verbose``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from nlu.errors import NluServerError, PortInUse, ServerStartFailed
from nlu.http import HttpParser
from nlu.model import TF_THREADS, latest_model

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5005
START_SECONDS = 240.0  # loading the model takes 30-60 s on two cores
STOP_SECONDS = 20.0
# The child's environment: offline, and no library noise unless verbose.
# rasa run reads endpoints.yml and credentials.yml of its working folder: one with neither.
WORKDIR = Path(tempfile.gettempdir()) / "voicecart-nlu-server"
OFFLINE = {"RASA_TELEMETRY_ENABLED": "false"}
QUIET = {"PYTHONWARNINGS": "ignore", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
         "TF_CPP_MIN_LOG_LEVEL": "3"}


def free_port(host: str = DEFAULT_HOST) -> int:
    """A port nothing listens on now (the kernel's choice)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def port_in_use(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


class NluServer:
    """``rasa run --enable-api`` serving ``model`` (an archive, or a folder: its newest)."""

    def __init__(self, model: Path, port: int = DEFAULT_PORT, host: str = DEFAULT_HOST, *,
                 log: Path | None = None, verbose: bool = False,
                 start_seconds: float = START_SECONDS, token: str | None = None) -> None:
        self.model = latest_model(Path(model))
        self.token = token  # Rasa's --auth-token: every request must carry it
        self.port = port
        self.host = host
        self.verbose = verbose
        self.start_seconds = start_seconds
        self.log = log or WORKDIR / f"rasa-{port}.log"
        self._proc: subprocess.Popen[bytes] | None = None
        self.start_took: float | None = None

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "rasa", "run", "--enable-api", "-m", str(self.model),
               "-i", self.host, "-p", str(self.port)]
        if self.token:
            cmd += ["--auth-token", self.token]
        return cmd if self.verbose else [*cmd, "--quiet"]

    def start(self) -> NluServer:
        """Launch and wait until the model is loaded; :class:`ServerStartFailed` if not."""
        if self.running:
            return self
        if port_in_use(self.host, self.port):
            raise PortInUse(self.host, self.port)
        env = {**os.environ, **TF_THREADS, **OFFLINE, **({} if self.verbose else QUIET)}
        started = time.monotonic()
        WORKDIR.mkdir(parents=True, exist_ok=True)
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as out:
            sink = None if self.verbose else out
            # its own session: a Ctrl-C at the terminal reaches us, and we stop it in order
            self._proc = subprocess.Popen(self.command(), stdout=sink, stderr=sink,
                                          stdin=subprocess.DEVNULL, cwd=WORKDIR, env=env,
                                          start_new_session=True)
        try:
            self._wait_ready(started + self.start_seconds)
        except BaseException:  # a failed start, or Ctrl-C while loading: leave nothing behind
            self.stop()
            raise
        self.start_took = time.monotonic() - started
        return self

    def serving(self) -> bool:
        """``GET /status`` names this server's model (not some other server's on the port)."""
        try:
            status = HttpParser(self.url, timeout=2.0, retries=0, token=self.token).status()
        except NluServerError:
            return False
        return status.get("model_file") == self.model.name

    def _wait_ready(self, deadline: float) -> None:
        while not self.serving():
            if self._proc is not None and self._proc.poll() is not None:
                raise ServerStartFailed(f"rasa run stopped while starting "
                                        f"(exit {self._proc.returncode}){self._last_words()}.")
            if time.monotonic() > deadline:
                raise ServerStartFailed(f"rasa run did not load {self.model.name} in "
                                        f"{self.start_seconds:.0f} s{self._last_words()}.")
            time.sleep(0.5)

    def _last_words(self) -> str:
        """The log's last line, to say why (empty when verbose: it was on the screen)."""
        try:
            lines = [ln.strip() for ln in self.log.read_text(errors="replace").splitlines()]
        except OSError:
            return ""
        last = next((ln for ln in reversed(lines) if ln), "")
        return f": {last[:200]} (log: {self.log})" if last else ""

    def stop(self, timeout: float = STOP_SECONDS) -> None:
        """SIGTERM (Rasa shuts down in order), SIGKILL if it does not within ``timeout``."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        except KeyboardInterrupt:  # a second Ctrl-C: no more waiting
            proc.kill()
            proc.wait()
            raise

    def __enter__(self) -> NluServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
