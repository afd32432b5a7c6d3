"""voicecart: assistant."""
