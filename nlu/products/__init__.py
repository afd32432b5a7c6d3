"""The catalog's words in what was heard: a lexicon of its names, a tolerant spotter, and
Rasa's entities merged with what the spotter found."""

from nlu.products.lexicon import Lexicon, Phrase, head_word
from nlu.products.merge import SPOTTER, with_catalog
from nlu.products.spotter import Spot, spot

__all__ = ["SPOTTER", "Lexicon", "Phrase", "Spot", "head_word", "spot", "with_catalog"]
