"""``voicecart nlu serve``: one NLU server for the store's kiosks (``rasa run --enable-api``).

The standard Rasa HTTP API, so any Rasa client can use it; the kiosks do with ``--nlu-url``.
One line when the model is loaded; Ctrl-C or SIGTERM stops it in order.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path
from types import FrameType

import click

from assistant.settings import Settings
from nlu.errors import NluError
from nlu.server import DEFAULT_HOST, DEFAULT_PORT, START_SECONDS


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # SIGTERM (a service manager's stop) ends it as Ctrl-C does


@click.command("serve")
@click.option("--port", type=int, default=DEFAULT_PORT, show_default=True)
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="The address to listen on (0.0.0.0: every interface, for kiosks elsewhere).")
@click.option("--model", type=click.Path(path_type=Path), default=None,
              help="A model archive or folder (default: the newest in models/nlu).")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Rasa's own output (default: a file in the temporary folder; shown on "
                   "the screen with --verbose).")
@click.option("--start-timeout", type=float, default=START_SECONDS, show_default=True,
              help="Seconds the model may take to load.")
@click.pass_obj
def serve(settings: Settings, port: int, host: str, model: Path | None, log_file: Path | None,
          start_timeout: float) -> None:
    """Serve the NLU model to the store's kiosks (voicecart chat/run/listen --nlu-url URL).

    With VOICECART_NLU_TOKEN set (here and on every kiosk) each request must carry it."""
    from nlu.server import NluServer

    server = NluServer(model or settings.nlu_model or settings.nlu_models_dir, port, host,
                       log=log_file, verbose=settings.verbose, start_seconds=start_timeout,
                       token=settings.nlu_token)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.start()
        click.echo(f"NLU server ready at http://{host}:{port} (model {server.model.name}, "
                   f"loaded in {server.start_took or 0:.0f} s); Ctrl-C stops it.")
        while server.running:
            time.sleep(0.5)
        raise NluError(f"The NLU server stopped by itself; its log is {server.log}.",
                       code="nlu_server_stopped")
    except KeyboardInterrupt:
        click.echo("NLU server stopped.", err=True)
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)
