"""The store's data and language, shared by every stage: a leaf package that imports none.

``storedata.errors``: the contract of expected errors (a ``code`` and a ``message`` fit to be
read aloud) that each stage's own error classes extend.
"""
