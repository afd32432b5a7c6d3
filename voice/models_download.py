"""Fetch the official English vosk model into ``models/``: pinned SHA-256, progress bar,
resumable over HTTP Range, one clear message when the network cannot be reached.

The pinned checksum: alphacephei.com publishes no checksum for its model zips; the value
below is the SHA-256 of the official 41,205,931-byte archive as recorded independently by
several public projects that download it.
"""

from __future__ import annotations

import hashlib
import shutil
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from voice.errors import ChecksumMismatch, DownloadError, ModelMissing, NetworkUnreachable

BLOCK = 1 << 16


@dataclass(frozen=True)
class ModelSource:
    name: str
    url: str
    sha256: str
    size: int


MODELS: dict[str, ModelSource] = {
    "en": ModelSource(
        "vosk-model-small-en-us-0.15",
        "https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip",
        "30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
        41_205_931,
    ),
}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(url: str, target: Path, size: int, timeout: float = 20.0, quiet: bool = False) -> None:
    """Download ``url`` to ``target``, resuming a partial ``target`` with an HTTP Range."""
    have = target.stat().st_size if target.exists() else 0
    if have >= size:
        return
    request = urllib.request.Request(url, headers={"Range": f"bytes={have}-"} if have else {})
    host = urllib.parse.urlparse(url).hostname
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        raise DownloadError(
            f"The model server answered {exc.code} for the model download."
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise NetworkUnreachable(
            f"I cannot reach {host} to download the speech model: the network is unreachable. "
            "Copy a vosk model into the models folder, or give one with --vosk-model."
        ) from exc
    with response:
        if have and response.status != 206:  # the server ignored the range: start over
            have = 0
        mode = "ab" if have else "wb"
        with target.open(mode) as out, tqdm(
            total=size, initial=have, unit="B", unit_scale=True, desc=target.name, disable=quiet
        ) as bar:
            try:
                for block in iter(lambda: response.read(BLOCK), b""):
                    out.write(block)
                    bar.update(len(block))
            except (TimeoutError, OSError) as exc:
                raise NetworkUnreachable(
                    f"The download from {host} broke off. Run the same command again to resume."
                ) from exc


def extract(archive: Path, models_dir: Path) -> None:
    with zipfile.ZipFile(archive) as zipped:
        root = models_dir.resolve()
        for member in zipped.namelist():
            if not (root / member).resolve().is_relative_to(root):
                raise DownloadError("The model archive holds an unsafe path; I did not unpack it.")
        zipped.extractall(models_dir)


def download_model(
    lang: str, models_dir: Path, timeout: float = 20.0, quiet: bool = False,
    source: ModelSource | None = None,
) -> Path:
    """Download, verify and unpack the vosk model for ``lang``; return its directory."""
    source = source or MODELS.get(lang)
    if source is None:
        raise ModelMissing(f"I have no official vosk model to download for the language {lang}.")
    target_dir = models_dir / source.name
    if (target_dir / "am" / "final.mdl").is_file():
        return target_dir
    models_dir.mkdir(parents=True, exist_ok=True)
    partial = models_dir / f"{source.name}.zip.part"
    fetch(source.url, partial, source.size, timeout=timeout, quiet=quiet)
    if sha256_of(partial) != source.sha256:
        partial.unlink()
        raise ChecksumMismatch(
            "The downloaded model does not match its pinned checksum, so I deleted it."
        )
    archive = partial.with_suffix("")
    shutil.move(str(partial), archive)
    extract(archive, models_dir)
    archive.unlink()
    return target_dir
