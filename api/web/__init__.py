"""The merchants' web page (Chinese), served by the API at ``/app/``."""
