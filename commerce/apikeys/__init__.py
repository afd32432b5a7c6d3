"""API keys of staff members and store systems: a role each, stored as a hash, revocable."""

from commerce.apikeys.service import (
    ROLES,
    ApiKeyInfo,
    authenticate,
    create_key,
    list_keys,
    revoke_key,
)

__all__ = ["ROLES", "ApiKeyInfo", "authenticate", "create_key", "list_keys", "revoke_key"]
