"""The webhook worker: delivers the outbox's events to subscribers, signed, with retries."""
