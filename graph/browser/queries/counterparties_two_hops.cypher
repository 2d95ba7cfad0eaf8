// Bailing: a merchant's counterparties two hops out (who its customers and suppliers also trade with)
MATCH path = (m:Merchant {id: $merchant_id})-[:SELLS_TO|BUYS_FROM*1..2]-(other)
RETURN path
LIMIT 300
