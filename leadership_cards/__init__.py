"""Spaced-repetition flashcards for the terminal, generated from Inner Leadership."""

__version__ = "0.1.0"
