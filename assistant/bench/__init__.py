"""Benchmarks: speech-to-intent quality on recorded corpora, and performance figures."""
