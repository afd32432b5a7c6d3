"""voicecart: commerce."""
