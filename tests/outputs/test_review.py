"""The review page: self-contained HTML, checked as text and in a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from govextract.cli import main
from govextract.outputs import to_json
from govextract.outputs.review import render

ARTIFACTS = Path(__file__).parents[1] / "artifacts"  # tests/artifacts/


class Counter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.toc = 0
        self.marks = 0
        self.rows = 0
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("class") == "toc":
            self.toc += 1
        if tag == "mark":
            self.marks += 1
        if tag == "tr":
            self.rows += 1
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith("#"):
                self.external.append(a[key])


def count(html: str) -> Counter:
    c = Counter()
    c.feed(html)
    return c


def test_review_page_shows_everything_and_needs_no_network(seed_doc):
    page = render(seed_doc)
    c = count(page)
    assert c.toc == len(seed_doc.sections) == 32
    assert c.marks == len(seed_doc.entities)
    assert c.rows == len(seed_doc.indicators) + 1 + (len(seed_doc.panel) + 1 if seed_doc.panel else 0)
    assert c.external == [] and "http://" not in page and "https://" not in page
    assert page.index('id="panel"') < page.index('id="findings"') < page.index('id="s1"')
    assert all(f.message in page for f in seed_doc.findings)


def test_review_page_numbers_for_pdfs(samples_dir):
    import govextract

    doc = govextract.extract_file(samples_dir / "seed-report.pdf")
    page = render(doc)
    assert len(re.findall(r'<span class="page">p\. \d+</span>', page)) == len(doc.paragraphs)


def test_review_cli(tmp_path: Path, seed_doc, capsys):
    src = tmp_path / "doc.json"
    src.write_text(to_json(seed_doc), encoding="utf-8")
    assert main(["review", str(src), "-o", str(tmp_path / "r.html")]) == 0
    assert count((tmp_path / "r.html").read_text(encoding="utf-8")).toc == 32
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["review", str(bad), "-o", str(tmp_path / "x.html")]) == 2


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found and os.environ.get("CI"):
        pytest.fail("CI must have Debian's chromium (see .ci/run)")
    return found


CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_review_in_headless_chromium(tmp_path: Path, seed_doc):
    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium is not installed")
    page = tmp_path / "review.html"
    page.write_text(render(seed_doc), encoding="utf-8")
    profile = tmp_path / "profile"
    dom = subprocess.run([chromium, *CHROME_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    c = count(dom)
    assert c.toc == 32 and c.marks == len(seed_doc.entities)
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "review-seed.png"
    shot.unlink(missing_ok=True)
    subprocess.run([chromium, *CHROME_FLAGS, f"--user-data-dir={profile}", "--window-size=1400,1800",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.is_file() and shot.stat().st_size > 20_000


def test_review_page_shows_the_panel_first_linked_to_highlights():
    import govextract

    doc = govextract.extract_text("绵阳市2024年国民经济和社会发展统计公报\n一、综合\n"
                                  "全年全市地区生产总值4012.3亿元，比上年增长6.1%。\n", name="m.txt")
    page = render(doc)
    assert page.index('id="panel"') < page.index('id="findings"')
    assert "地区生产总值" in page and "4,012.30亿元" in page and "实绩" in page
    quantity = next(i.quantity for i in doc.indicators if i.id == doc.panel[0].indicator)
    assert f'href="#{quantity}"' in page and f'<mark id="{quantity}" title="数量: 4,012.30亿元"' in page
