"""The scoring service: a FastAPI app over the graph, the rule set and the decision engine."""
