"""The spoken grocery benchmark: requests, a fresh shop per request, the first turn judged."""
