"""voicecart: nlu."""
