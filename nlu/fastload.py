"""Faster loading of Rasa's TensorFlow models (DIET).

Rasa 3.6 builds a loaded model's weights by running one training step through ``model.fit``
in graph mode: TensorFlow traces the whole training graph (losses, CRF, gradients), which is
most of the ~25 s a naive load takes. Running that single step eagerly creates the same
weights without tracing; the trained weights are then restored and prediction still runs as
a traced ``tf.function`` (traced without AutoGraph's source rewriting, which the prediction
graph does not need). Applied only while our own loader builds the graph.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_LOCK = threading.Lock()


def _eager_build_load(
    cls: Any,
    model_file_name: str,
    model_data_example: Any,
    predict_data_example: Any = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> Any:
    import tensorflow as tf
    from rasa.utils.tensorflow.constants import LEARNING_RATE
    from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator

    model = cls(*args, **kwargs)
    learning_rate = kwargs.get("config", {}).get(LEARNING_RATE, 0.001)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    model.run_eagerly = False  # predictions go through a traced tf.function again
    model.load_weights(model_file_name)
    if not finetune_mode and predict_data_example:
        _trace_predict(model, predict_data_example)
    return model


def _trace_predict(model: Any, example: Any) -> None:
    """Trace the prediction graph now, without AutoGraph's slow source rewriting when the
    graph does not need it; fall back to Rasa's own tracing if it does."""
    import tensorflow as tf
    from rasa.utils.train_utils import create_data_generators

    generator, _ = create_data_generators(model_data=example, batch_sizes=1, epochs=1, shuffle=False)
    batch_in = next(iter(generator))[0]
    model._tf_predict_step = tf.function(
        model.predict_step, input_signature=model._dynamic_signature(batch_in), autograph=False
    )
    try:
        model.run_inference(example)
    except Exception:  # noqa: BLE001 - AutoGraph is needed after all: let Rasa trace it
        model._tf_predict_step = None
        model.run_inference(example)


@contextmanager
def eager_weight_building() -> Iterator[None]:
    """Within the block, ``RasaModel.load`` builds weights eagerly (see module docstring)."""
    from rasa.utils.tensorflow.models import RasaModel

    with _LOCK:
        original = RasaModel.__dict__["load"]
        RasaModel.load = classmethod(_eager_build_load)  # type: ignore[assignment,method-assign]
        try:
            yield
        finally:
            RasaModel.load = original  # type: ignore[method-assign]
