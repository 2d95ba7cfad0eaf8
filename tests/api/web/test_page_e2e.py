"""End to end in headless Chromium: a freight merchant proves his business through the web page.

The story of SPEC §1: a freight operator uploads a truck photo, his road transport permit, a freight
contract and invoices, all rendered from the seed world; the page must then show a higher limit with
its reasons in Chinese. A screenshot is saved (path printed; ``BAILING_TEST_ARTIFACTS`` picks the
folder) with the seconds from the last upload to the raised limit beside it.

Needs Debian's chromium (``apt-get install -y chromium``) and the ``playwright`` package; Playwright
drives the system browser through ``executable_path`` and never downloads one.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from api.demo.story import story_items, story_merchant
from seed_data.render import render_evidence
from seed_data.world.generator import generate_world

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                                          "(apt-get install -y chromium)")
playwright_sync = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("BAILING_TEST_ARTIFACTS") or tmp_path / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_freight_merchant_raises_his_limit_through_the_page(neo4j_server, model_dir, driver, tmp_path, artifacts):
    from tests.api.web.live_service import live_service  # the whole service: fails here if a part is missing

    world = generate_world(0, "tiny")
    merchant = story_merchant(world)
    files = [render_evidence(world, merchant, item, tmp_path / "evidence") for item in story_items(merchant)]
    with live_service(neo4j_server, driver, world, tmp_path / "api-home", model_dir) as service:
        key = service.merchant_key(merchant.merchant_id)
        with playwright_sync.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            page = browser.new_page(viewport={"width": 1400, "height": 1300}, locale="zh-CN")
            page.goto(f"{service.base_url}/app/#merchant={merchant.merchant_id}&key={key}")
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            base = float(page.get_attribute("#limit-value", "data-cny"))
            assert base == merchant.others.base_limit_cny

            page.click("button[data-scope='business_documents']")
            page.wait_for_selector("#upload-consent option", state="attached")
            elapsed = None
            for n, path in enumerate(files, start=1):
                page.set_input_files("#upload-files", str(path))
                replies_before = page.locator(".msg.assistant").count()
                started = time.monotonic()
                page.click("#upload-form button[type='submit']")
                page.wait_for_function(
                    "n => document.querySelectorAll('.msg.assistant').length >= n && "
                    "document.getElementById('upload-status').textContent === '上传完成。'",
                    arg=replies_before + 1, timeout=180_000)
                if n == len(files):
                    try:
                        page.wait_for_selector("#limit-value.raised", timeout=180_000)
                        elapsed = time.monotonic() - started
                    except playwright_sync.TimeoutError:
                        elapsed = float("nan")  # the assertions below say what the page showed instead

            limit = float(page.get_attribute("#limit-value", "data-cny"))
            reasons = page.locator("#reasons li.fired").all_text_contents()
            chat = page.locator(".msg.assistant").all_text_contents()
            shot = artifacts / "web_e2e_freight_merchant.png"
            page.screenshot(path=str(shot), full_page=True)
            browser.close()
    (artifacts / "web_e2e_freight_merchant.json").write_text(json.dumps({
        "merchant_id": merchant.merchant_id, "base_limit_cny": base, "new_limit_cny": limit,
        "seconds_from_last_upload_to_raised_limit": round(elapsed, 2), "uploads": [p.name for p in files],
        "reasons_zh": reasons}, ensure_ascii=False, indent=2))
    print(f"\nscreenshot: {shot}\nlimit {base:.0f} -> {limit:.0f} CNY, "
          f"{elapsed:.1f} s from the last upload to the raised limit")

    assert limit > base, f"the limit did not rise; the assistant said: {chat}"
    assert reasons and all(_CJK.search(r) for r in reasons)
    assert any("已识别" in text for text in chat)  # each upload was answered with what it proved
