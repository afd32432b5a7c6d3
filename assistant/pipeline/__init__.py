"""The voice pipeline, split by stage as in Home Assistant's assist_pipeline.

audio -> STT (voice/) -> INTENT (nlu/) -> HANDLE (dialogue) -> TTS (voice/), each stage timed
and reported as ``PipelineEvent``s to one injected ``on_event`` callback.
"""

from assistant.pipeline.errors import (
    HandleError,
    IntentError,
    PipelineError,
    SpeechToTextError,
    TextToSpeechError,
)
from assistant.pipeline.events import EventType, PipelineEvent
from assistant.pipeline.run import Pipeline, PipelineTurn
from assistant.pipeline.stages import Stage

__all__ = [
    "EventType", "HandleError", "IntentError", "Pipeline", "PipelineError", "PipelineEvent",
    "PipelineTurn", "SpeechToTextError", "Stage", "TextToSpeechError",
]
