// Bailing: an industry's upstream and downstream chain (input-output coefficients)
// `:param industry_code => '5430'` (road freight) first.
MATCH (i:Industry {id: $industry_code})
OPTIONAL MATCH up = (:Industry)-[:UPSTREAM_OF*1..2]->(i)
OPTIONAL MATCH down = (i)-[:UPSTREAM_OF*1..2]->(:Industry)
RETURN i, up, down
