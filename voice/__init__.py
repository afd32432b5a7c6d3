"""voicecart: voice."""
