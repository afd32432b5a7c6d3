"""The model download: for real against the unreachable network, and against a local
HTTP server that honours Range requests (resume, checksum, unpacking)."""

from __future__ import annotations

import hashlib
import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli import main
from voice.errors import ChecksumMismatch, NetworkUnreachable
from voice.models_download import ModelSource, download_model


def test_unreachable_network_gives_one_clear_message(tmp_path: Path) -> None:
    with pytest.raises(NetworkUnreachable) as caught:
        download_model("en", tmp_path, timeout=5, quiet=True)
    assert caught.value.code == "network_unreachable"
    assert "alphacephei.com" in caught.value.message and "unreachable" in caught.value.message
    assert not any(tmp_path.iterdir()) or not any(p.stat().st_size for p in tmp_path.iterdir())


def test_cli_download_offline_prints_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOICECART_MODELS_DIR", str(tmp_path))
    with pytest.raises(SystemExit) as exit_info:
        main(["models", "download", "--timeout", "5"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Error: I cannot reach alphacephei.com" in err and "Traceback" not in err


class RangeHandler(http.server.BaseHTTPRequestHandler):
    payload = b""
    ranges: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        start = 0
        header = self.headers.get("Range")
        self.ranges.append(header or "")
        if header:
            start = int(header.split("=")[1].split("-")[0])
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(self.payload) - 1}/"
                                              f"{len(self.payload)}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(self.payload) - start))
        self.end_headers()
        self.wfile.write(self.payload[start:])

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture()
def model_server(tmp_path: Path) -> Iterator[tuple[str, bytes]]:
    archive = tmp_path / "src.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("vosk-model-test/am/final.mdl", b"acoustic model" * 500)
        z.writestr("vosk-model-test/conf/model.conf", b"--sample-frequency=16000\n")
    RangeHandler.payload = archive.read_bytes()
    RangeHandler.ranges = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RangeHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/model.zip", RangeHandler.payload
    server.shutdown()


def test_resumes_verifies_and_unpacks(tmp_path: Path, model_server: tuple[str, bytes]) -> None:
    url, payload = model_server
    source = ModelSource("vosk-model-test", url, hashlib.sha256(payload).hexdigest(),
                         len(payload))
    models = tmp_path / "models"
    models.mkdir()
    (models / "vosk-model-test.zip.part").write_bytes(payload[:1000])  # an earlier attempt
    path = download_model("en", models, quiet=True, source=source)
    assert RangeHandler.ranges == ["bytes=1000-"]
    assert (path / "am" / "final.mdl").read_bytes() == b"acoustic model" * 500
    assert not list(models.glob("*.zip*"))


def test_wrong_checksum_is_refused_and_deleted(
    tmp_path: Path, model_server: tuple[str, bytes]
) -> None:
    url, payload = model_server
    source = ModelSource("vosk-model-test", url, "0" * 64, len(payload))
    with pytest.raises(ChecksumMismatch):
        download_model("en", tmp_path, quiet=True, source=source)
    assert not (tmp_path / "vosk-model-test").exists()
    assert not list(tmp_path.glob("*.part"))
