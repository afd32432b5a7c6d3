"""The conversation: parses in, replies out, commerce actions confirmed in between.

Entry points: :class:`assistant.dialogue.manager.DialogueManager` (one shopper's session) and
:func:`assistant.app.build_dialogue` (one built from :class:`Settings`).
"""
