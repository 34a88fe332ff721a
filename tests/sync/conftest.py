from tests.support.clients import clients, server  # noqa: F401  (fixtures)
