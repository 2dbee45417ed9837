"""/.well-known/openid-configuration: where the keys are and what we sign with."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from sync.server.auth.service import TokenPolicy
from sync.server.auth.tokens import ALGORITHM
from sync.server.dependencies import get_token_policy

router = APIRouter(tags=["oidc"])


@router.get("/.well-known/openid-configuration")
def discovery(policy: Annotated[TokenPolicy, Depends(get_token_policy)]) -> dict[str, Any]:
    issuer = policy.issuer.rstrip("/")
    return {
        "issuer": issuer,
        "jwks_uri": f"{issuer}/auth/v1/jwks",
        "token_endpoint": f"{issuer}/auth/v1/refresh",
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": [ALGORITHM],
        "token_endpoint_auth_methods_supported": ["none"],
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "preferred_username", "name", "unit_id", "cnf"],
    }
