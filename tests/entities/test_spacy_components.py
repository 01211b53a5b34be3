"""spaCy is for whoever adds govextract's components to a pipeline, not for the text pipeline.

An extraction imports neither spaCy nor cn2an (half of a one-page extract's start-up); the
components still register under their names, through the ``spacy_factories`` entry points, with
nothing of govextract imported first. Each case runs in a fresh interpreter: this test session
has imported spaCy long before."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

from govextract.entities import PIPES


def run(code: str) -> str:
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return res.stdout.strip()


TEXTS = ["北京市2025年增长5%。", "“十四五”时期，市政府新建学校十二所。", "二〇二四年三月，全省投资增长百分之五十。"]


@pytest.mark.parametrize("text", TEXTS)
def test_spacy_components_not_loaded_by_an_extraction(text: str):
    code = (f"import sys, govextract\ngovextract.extract_text({text!r})\n"
            "print(sorted(m for m in ('spacy', 'thinc', 'govextract.entities.components') if m in sys.modules))")
    assert run(code) == "[]"


def test_spacy_components_cn2an_loaded_only_when_a_numeral_needs_it():
    """Standard whole numerals (百分之五十, 十四五) are read without cn2an; a decimal needs it."""
    code = ("import sys, govextract\n"
            "govextract.extract_text('北京市2025年增长5%。')\nprint('cn2an' in sys.modules)\n"
            "govextract.extract_text('全省投资增长百分之五十，“十四五”收官。')\nprint('cn2an' in sys.modules)\n"
            "govextract.extract_text('全省投资增长百分之一点五。')\nprint('cn2an' in sys.modules)")
    assert run(code).split() == ["False", "False", "True"]


def test_spacy_components_registered_by_entry_points():
    assert {ep.name: ep.value.split(":")[0] for ep in entry_points(group="spacy_factories")
            if ep.name.startswith("govextract_")} == dict.fromkeys(PIPES, "govextract.entities.components")


def test_spacy_components_added_by_name_without_importing_govextract():
    code = ("import spacy\nnlp = spacy.blank('zh')\n"
            f"for name in {PIPES!r}:\n    nlp.add_pipe(name)\n"
            "doc = nlp('浙江省和江苏省')\n"
            "print([(s.start_char, s.end_char, s.label_) for s in doc.spans['govextract']])")
    assert run(code) == "[(0, 3, 'place'), (4, 7, 'place')]"
