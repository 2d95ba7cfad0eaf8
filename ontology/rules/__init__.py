"""The expert rule layer kept beside the ontology."""
