// Bailing: a merchant's evidence and the facts each piece supports
// Replace the id, or run `:param merchant_id => 'M000001'` first.
MATCH (m:Merchant {id: $merchant_id})-[s:SUBMITTED]->(e:Evidence)
OPTIONAL MATCH (e)-[p:SUPPORTS]->(f)
RETURN m, s, e, p, f
