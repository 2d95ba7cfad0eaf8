"""Run a real Neo4j 5.26 Community server assembled from Maven Central.

The runtime (jars) is built once per machine into a cache; each *home* (data, logs, config, password)
is separate, so a demo, a developer and the test suite never share data.
"""
from graph.server.errors import Neo4jServerError
from graph.server.process import ServerStatus, Neo4jServer
from graph.server.settings import ServerSettings

__all__ = ["Neo4jServer", "Neo4jServerError", "ServerSettings", "ServerStatus"]
