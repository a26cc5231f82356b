"""Text heuristics that work for Chinese and English alike."""
