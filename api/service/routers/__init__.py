"""One router per concern; ``api.service.app`` includes them."""
