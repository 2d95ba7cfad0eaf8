"""Bailing's graph: the Neo4j server it runs, the schema, and the store API over the official driver."""
