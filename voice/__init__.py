"""voicecart: voice. Speech in (vosk, Whisper, pocketsphinx) and out (pyttsx3).

Nothing outside this package knows which engine runs: callers see ``Recognizer``,
``Transcript`` and ``AudioChunk``, and choose an engine with ``voice.select.choose_engine``.
"""

from voice.audio import AudioChunk, AudioFormat, file_chunks, read_audio
from voice.errors import AudioError, DeviceMissing, EngineUnavailable, ModelMissing, VoiceError
from voice.recognizer import Partial, Recognizer, RecognizerStream, Transcript, Word
from voice.vocabulary import DomainVocabulary

__all__ = [
    "AudioChunk", "AudioError", "AudioFormat", "DeviceMissing", "DomainVocabulary",
    "EngineUnavailable", "ModelMissing", "Partial", "Recognizer", "RecognizerStream",
    "Transcript", "VoiceError", "Word", "file_chunks", "read_audio",
]
