"""The staff order screen in a real browser: an order placed by voice (a real recording
through the whole pipeline, in its own kiosk process) appears without a reload, and staff move
it along with its buttons; the rating the shopper then gave by voice shows too. Screenshots go
to models/test-artifacts/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from commerce.orders.queue import store_orders
from voice.tts import Speaker

Api = Any  # the ``api`` fixture (conftest.py)
ORDER_FILE = "0075d273-51bb-47cb-b323-4437bd0de029.wav"  # "a light roast twelve ounce coffee"
pytestmark = pytest.mark.slow  # Whisper and the real trained NLU model


@pytest.mark.parametrize("backend", ["postgresql"])  # the store's deployment: kiosk + server
def test_a_voice_order_appears_and_is_moved_along(api: Api, browser: Any, corpus_dir: Path,
                                                  tmp_path: Path, artifacts: Path) -> None:
    browser.get(api.url + "/staff")
    browser.find_element(By.ID, "key").send_keys(api.staff)
    browser.find_element(By.CSS_SELECTOR, "#login button").click()
    wait = WebDriverWait(browser, 30)
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "#queue .order")))
    with api.sessions() as session:  # the demo data's open grocery orders, none of the cafe
        assert not store_orders(session, store="cafe", statuses=["placed"])

    words = {"check_out": "check out please", "yes": "yes", "rating": "five"}
    spoken = {name: Speaker().save(text, tmp_path / f"{name}.wav") for name, text in words.items()}
    kiosk = subprocess.run(
        [str(Path(sys.executable).with_name("voicecart")), "--db", api.db_url, "--store", "cafe",
         "--no-suggestions", "run", str(corpus_dir / "audio" / ORDER_FILE),
         str(spoken["check_out"]), str(spoken["yes"]), str(spoken["rating"])],
        capture_output=True, text=True, timeout=600, check=False)
    assert kiosk.returncode == 0, kiosk.stderr
    assert "order" in kiosk.stdout.lower(), kiosk.stdout
    with api.sessions() as session:
        placed = store_orders(session, store="cafe", statuses=["placed"])
    assert len(placed) == 1, kiosk.stdout

    card = f'.order[data-id="{placed[0].id}"]'
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, card)))  # no reload
    text = browser.find_element(By.CSS_SELECTOR, card).text
    assert "1 × Coffee" in text and "light roast" in text and "twelve ounce" in text
    wait.until(ready.text_to_be_present_in_element((By.ID, "feedback"), "★★★★★"))  # by voice
    browser.save_screenshot(str(artifacts / "staff-screen-new-order.png"))

    for label, status in (("Start preparing", "preparing"), ("Ready", "ready")):
        button = browser.find_element(By.CSS_SELECTOR, f"{card} button")
        assert button.text == label
        button.click()
        wait.until(lambda b, s=status: b.find_element(By.CSS_SELECTOR, card)
                   .get_attribute("data-status") == s)
        with api.sessions() as session:
            assert store_orders(session, store="cafe", statuses=[status])[0].id == placed[0].id
    browser.save_screenshot(str(artifacts / "staff-screen-ready.png"))
