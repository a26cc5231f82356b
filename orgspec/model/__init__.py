"""The org: pydantic models, the Org index with its RACI holders, validation, the graph."""
