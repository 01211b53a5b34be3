"""JSON Schema generated from the models; ``schemas/`` holds the committed copy."""

from __future__ import annotations

import json
from pathlib import Path

from .models import Document

SCHEMA_FILE = "document.schema.json"


def document_schema() -> str:
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "govextract.Document/1.0"
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def write_schemas(out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / SCHEMA_FILE
    path.write_text(document_schema(), encoding="utf-8")
    return [path]
