"""The page is served from a fixed allow-list with a strict CSP; no external resource is referenced."""
import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.web.router import STATIC, router


def client() -> TestClient:
    app = FastAPI()
    app.include_router(router)
    return TestClient(app)


def test_page_and_assets_are_served_with_a_self_only_policy():
    c = client()
    page = c.get("/app/")
    assert page.status_code == 200 and "百灵" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("app.js", "app.css"):
        assert c.get(f"/app/{name}").status_code == 200
    assert c.get("/app", follow_redirects=False).headers["location"] == "/app/"


def test_labels_are_chinese():
    labels = client().get("/app/labels.json").json()
    assert labels["docs"]["road_transport_permit"] == "道路运输经营许可证"
    assert labels["assets"]["heavy_truck"] == "重型货车"


def test_only_listed_files_are_served():
    c = client()
    for name in ("router.py", "..%2Frouter.py", "index.htm", "%2e%2e"):
        assert c.get(f"/app/{name}").status_code == 404


def test_no_cdn_and_no_inner_html():
    for path in STATIC.iterdir():
        text = path.read_text()
        assert not re.search(r"(src|href)=\"(https?:)?//", text), path
        assert "innerHTML" not in text.replace("never innerHTML", ""), path
