"""JSON Schema generated from the models; ``schemas/`` holds the committed copy."""

from __future__ import annotations

import json
from pathlib import Path

from ..models import Document
from ..models.gold import GOLD_SCHEMA_NAME, GOLD_SCHEMA_VERSION, GoldDocument

SCHEMA_FILE = "document.schema.json"
GOLD_SCHEMA_FILE = "gold.schema.json"


def document_schema() -> str:
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "govextract.Document/1.0"
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def gold_schema() -> str:
    """The gold format that ``govextract evaluate`` reads."""
    schema = GoldDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{GOLD_SCHEMA_NAME}/{GOLD_SCHEMA_VERSION}"
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def write_schemas(out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in ((SCHEMA_FILE, document_schema()), (GOLD_SCHEMA_FILE, gold_schema())):
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
