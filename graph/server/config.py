"""neo4j.conf for one home, written from ServerSettings at every start (so settings always win)."""
from __future__ import annotations

from graph.server.settings import ServerSettings

_TEMPLATE = """\
# Written by `bailing neo4j start` at every start: edit ServerSettings / BAILING_NEO4J_* instead.
server.default_listen_address={listen}
server.default_advertised_address={advertise}
server.bolt.enabled=true
server.bolt.listen_address=:{bolt}
server.bolt.advertised_address=:{bolt}
server.http.enabled=true
server.http.listen_address=:{http}
server.http.advertised_address=:{http}
server.https.enabled=false
dbms.security.auth_enabled=true
server.directories.data={home}/data
server.directories.logs={home}/logs
server.directories.run={home}/run
server.directories.import={home}/import
server.directories.plugins={plugins}
# Heap is set with -Xms/-Xmx on the java command line (server.memory.heap.* is read only by bin/neo4j).
server.memory.pagecache.size={pagecache}
dbms.memory.transaction.total.max=2g
db.memory.transaction.max=1g
server.jvm.additional=-XX:+ExitOnOutOfMemoryError
dbms.security.procedures.unrestricted=apoc.*
dbms.security.procedures.allowlist=apoc.*
dbms.usage_report.enabled=false
# Neo4j Browser: load Bailing's style sheet and saved queries on connect, from this server only.
browser.remote_content_hostname_whitelist={advertise},localhost
browser.post_connect_cmd=style http://{advertise}:{http}/browser/bailing/bailing.grass; play http://{advertise}:{http}/browser/bailing/guide.html
"""


def render_config(settings: ServerSettings, *, plugins: str) -> str:
    return _TEMPLATE.format(
        listen=settings.listen_address,
        advertise=settings.connect_host,
        bolt=settings.bolt_port,
        http=settings.http_port,
        home=settings.home,
        plugins=plugins,
        pagecache=settings.pagecache,
    )
