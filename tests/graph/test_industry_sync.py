from __future__ import annotations

from graph.industry_sync import sync_industry_graph
from ontology import knowledge


def test_industry_graph_in_neo4j_matches_the_ontology(driver) -> None:
    k = knowledge()
    sync_industry_graph(driver, k)
    sync_industry_graph(driver, k)  # idempotent
    rows, _, _ = driver.execute_query("MATCH (i:Industry) RETURN i.id AS id, i.cash_cycle_days AS days, "
                                      "i.seasonality AS season")
    graph = {r["id"]: r for r in rows}
    assert set(graph) == set(k.industries)
    assert graph["5431"]["days"] == k.industry("5431").cash_cycle_days
    assert graph["5431"]["season"] == list(k.industry("5431").seasonality)
    rows, _, _ = driver.execute_query("MATCH (c:Industry)-[:SUBCLASS_OF]->(p:Industry) RETURN c.id AS c, p.id AS p")
    assert {(r["c"], r["p"]) for r in rows} == {(i.code, i.ancestors[1]) for i in k.industries.values()
                                                if len(i.ancestors) > 1}
    rows, _, _ = driver.execute_query("MATCH (s:Industry)-[r:UPSTREAM_OF]->(b:Industry) "
                                      "RETURN s.id AS s, b.id AS b, r.key AS sector, r.coefficient AS c")
    assert {(r["s"], r["b"], r["sector"], r["c"]) for r in rows} == {
        (l.supplier, l.buyer, l.io_sector, l.coefficient) for l in k.links}
    rows, _, _ = driver.execute_query("MATCH (:Industry {id: '6210'})-[:REQUIRES]->(e:EvidenceType) RETURN e.id AS e")
    assert {r["e"] for r in rows} == {"business_licence", "food_licence"}
    rows, _, _ = driver.execute_query("MATCH (:Industry {id: '5431'})-[r:TYPICALLY_OWNS]->(a:AssetClass) "
                                      "RETURN a.id AS a, r.haircut AS h")
    assert {r["a"]: r["h"] for r in rows} == {a: k.haircut(a) for a in k.industry("5431").typical_assets}
