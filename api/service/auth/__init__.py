"""API keys with roles: who is calling, and which merchant a merchant key belongs to."""
from api.service.auth.keys import ApiKeyStore, IssuedKey, Principal, UnknownKey
from api.service.auth.roles import ROLES, Role

__all__ = ["ROLES", "ApiKeyStore", "IssuedKey", "Principal", "Role", "UnknownKey"]
