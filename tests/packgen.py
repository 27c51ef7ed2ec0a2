"""Random briefing packs of every shape, from a seed, so print rules are not tuned to a few files.

``generate_pack(seed)`` returns a valid pack as plain data (what a YAML file holds):
1 to 30 findings, tables of 2 to 20 rows and 2 to 6 columns with long words and big numbers,
bar, stacked-bar and line charts, long audience names and implications, with or without
functions and pathways, in English or Welsh. The same seed always gives the same pack, so a
failure names the seed that shows it. Knobs fix one aspect and leave the rest random::

    generate_pack(7, findings=30, language="cy", tables=0)

Run it to write packs for a look at their PDFs::

    python tests/packgen.py OUTDIR SEED [SEED ...]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml


def _vocabulary(text: str) -> list[str]:
    return text.split()


#: Words of ordinary length, and long ones of the kind that break table columns.
_WORDS = {
    "en": _vocabulary("""
        group community council service local people support funding volunteer area report research
        network partner grant trust charity health housing advice school library youth older family
        place centre project board plan
    """),
    "cy": _vocabulary("""
        grŵp cymuned cyngor gwasanaeth lleol pobl cymorth cyllid gwirfoddolwr ardal adroddiad ymchwil
        rhwydwaith partner grant ymddiriedolaeth elusen iechyd tai ysgol llyfrgell ieuenctid teulu lle
        canolfan prosiect bwrdd cynllun
    """),
}
_LONG_WORDS = {
    "en": _vocabulary("""
        organisations infrastructure neighbourhoods responsibilities accountability intermediaries
        commissioning sustainability representatives partnerships underrepresented
        telecommunications interdepartmental disproportionately
    """),
    "cy": _vocabulary("""
        sefydliadau seilwaith cymdogaethau cyfrifoldebau atebolrwydd cynaliadwyedd cynrychiolwyr
        partneriaethau gwirfoddolwyr Llanfairpwllgwyngyll comisiynu rhyngadrannol anghymesur
    """),
}
_SENTENCE_END = ".!"  # no question marks: check's reading-age scoring is not the point here


def _words(rng: random.Random, language: str, count: int, long_share: float = 0.2) -> list[str]:
    return [rng.choice(_LONG_WORDS[language] if rng.random() < long_share else _WORDS[language]) for _ in range(count)]


def _sentence(rng: random.Random, language: str, low: int = 5, high: int = 16) -> str:
    words = _words(rng, language, rng.randint(low, high))
    return (" ".join(words) + rng.choice(_SENTENCE_END)).capitalize()


def _line(rng: random.Random, language: str, low: int = 3, high: int = 9) -> str:
    return " ".join(_words(rng, language, rng.randint(low, high))).capitalize()


def _text(rng: random.Random, language: str, sentences: int, paragraphs: int = 1) -> str:
    return "\n\n".join(
        " ".join(_sentence(rng, language) for _ in range(max(1, sentences // paragraphs))) for _ in range(paragraphs)
    )


def _number(rng: random.Random) -> str | int | float:
    kind = rng.random()
    if kind < 0.4:
        return rng.randint(0, 9_999_999)
    if kind < 0.7:
        return round(rng.uniform(0, 100), 1)
    if kind < 0.85:
        return f"{round(rng.uniform(0, 100), 1)}%"
    return rng.randint(-500, 500)


def _table(rng: random.Random, language: str, sources: list[str]) -> dict[str, Any]:
    columns = rng.randint(2, 6)
    row_headers = rng.random() < 0.7
    header = [_line(rng, language, 1, 2) if rng.random() < 0.5 else rng.choice(_LONG_WORDS[language]).capitalize()]
    header += [rng.choice(_LONG_WORDS[language] + _WORDS[language]).capitalize() for _ in range(columns - 1)]
    rows = [
        [_line(rng, language, 1, 4) if row_headers else _number(rng)] + [_number(rng) for _ in range(columns - 1)]
        for _ in range(rng.randint(2, 20))
    ]
    table: dict[str, Any] = {
        "title": _line(rng, language, 4, 12),
        "columns": header,
        "rows": rows,
        "row_headers": row_headers,
        "source": rng.choice(sources),
    }
    if rng.random() < 0.5:
        table["unit"] = _line(rng, language, 2, 5)
    if rng.random() < 0.5:
        table["location"] = f"Table {rng.randint(1, 40)}"
    return table


def _chart(rng: random.Random, language: str, sources: list[str]) -> dict[str, Any]:
    kind = rng.choice(["bar", "stacked-bar", "line"])
    count = rng.randint(2, 12)
    categories: list[str | int] = (
        list(range(2010, 2010 + count)) if kind == "line" else [_line(rng, language, 1, 3) for _ in range(count)]
    )
    series = [
        {"name": _line(rng, language, 1, 3), "values": [rng.randint(0, 1000) for _ in categories]}
        for _ in range(rng.randint(1, 4))
    ]
    chart: dict[str, Any] = {
        "title": _line(rng, language, 4, 10),
        "kind": kind,
        "category_label": _line(rng, language, 1, 2),
        "categories": categories,
        "series": series,
        "source": rng.choice(sources),
    }
    if rng.random() < 0.5:
        chart["format"] = "percent"
    return chart


def _finding(
    rng: random.Random, language: str, number: int, sources: list[str], knobs: dict[str, Any]
) -> dict[str, Any]:
    cited = rng.sample(sources, rng.randint(1, len(sources)))
    finding: dict[str, Any] = {
        "id": f"finding-{number}",
        "statement": _line(rng, language, 5, 14) + ".",
        "explanation": _text(rng, language, rng.randint(1, 6), rng.randint(1, 2)),
        "sources": cited,
    }
    if rng.random() < 0.3:
        finding["quote"] = {
            "text": _sentence(rng, language),
            "source": rng.choice(cited),
            "role": _line(rng, language, 2, 4),
        }
    if rng.random() < 0.3:
        finding["evidence"] = {
            "strength": rng.choice(["strong", "moderate", "limited"]),
            "reason": _line(rng, language) + ".",
        }
    if rng.random() < 0.3:
        finding["figures"] = [
            {"value": rng.randint(1, 99999), "label": _line(rng, language, 2, 6), "source": rng.choice(cited)}
            for _ in range(rng.randint(1, 3))
        ]
    tables = knobs.get("tables", 0.35)
    if rng.random() < tables:
        finding["tables"] = [_table(rng, language, cited) for _ in range(rng.randint(1, 2))]
    if rng.random() < knobs.get("charts", 0.25):
        finding["charts"] = [_chart(rng, language, cited) for _ in range(rng.randint(1, 2))]
    return finding


def _audience(
    rng: random.Random, language: str, number: int, finding_ids: list[str], long_names: bool
) -> dict[str, Any]:
    name = _line(rng, language, 8, 16) if long_names else _line(rng, language, 1, 3)
    implications = []
    for _ in range(rng.randint(1, 4)):
        implication: dict[str, Any] = {
            "title": _line(rng, language, 12, 30) if long_names else _line(rng, language, 3, 10),
            "text": _text(rng, language, rng.randint(2, 10) if long_names else rng.randint(1, 4), rng.randint(1, 3)),
            "findings": rng.sample(finding_ids, rng.randint(1, min(3, len(finding_ids)))),
        }
        if rng.random() < 0.8:
            implication["actions"] = [_line(rng, language, 4, 16) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.6:
            implication["questions"] = [_line(rng, language, 4, 14) for _ in range(rng.randint(1, 3))]
        implications.append(implication)
    return {
        "id": f"audience-{number}",
        "name": name,
        "description": _text(rng, language, rng.randint(1, 4)),
        "implications": implications,
    }


def generate_pack(seed: int, **knobs: Any) -> dict[str, Any]:
    """A valid pack, the same for the same seed and knobs.

    Knobs: ``findings`` (1-30), ``audiences`` (1-5), ``language`` ("en-GB" or "cy"),
    ``functions`` (bool: functions and pathways), ``long_names`` (bool), and ``tables`` and
    ``charts`` (the chance, 0 to 1, that a finding has them).
    """
    rng = random.Random(seed)
    language = knobs.get("language") or rng.choice(["en-GB", "en-GB", "cy"])
    words = "cy" if language == "cy" else "en"
    findings_count = knobs.get("findings") or rng.choice([1, 2, 3, rng.randint(4, 12), rng.randint(13, 30)])
    long_names = knobs.get("long_names", rng.random() < 0.4)
    with_functions = knobs.get("functions", rng.random() < 0.5)
    sources = [
        {
            "id": f"source-{number}",
            "title": _line(rng, words, 4, 14),
            "publisher": _line(rng, words, 2, 5),
            "date": f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}",
            "url": f"https://example.org/{seed}/reports/{number}/{'-'.join(_words(rng, 'en', rng.randint(1, 6)))}",
        }
        for number in range(1, rng.randint(1, 6) + 1)
    ]
    source_ids = [source["id"] for source in sources]
    findings = [_finding(rng, words, number, source_ids, knobs) for number in range(1, findings_count + 1)]
    finding_ids = [finding["id"] for finding in findings]
    audience_count = knobs.get("audiences") or rng.randint(1, 4)
    audiences = [_audience(rng, words, number, finding_ids, long_names) for number in range(1, audience_count + 1)]
    pack: dict[str, Any] = {
        "briefing": {
            "title": _line(rng, words, 4, 16 if long_names else 9),
            "edition_date": f"{rng.randint(2020, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "publisher": _line(rng, words, 2, 8),
            "language": language,
            "summary": _text(rng, words, rng.randint(2, 5), rng.randint(1, 2)),
            "about_implications": _sentence(rng, words),
            "keywords": _words(rng, words, rng.randint(0, 4)),
        },
        "sources": sources,
        "findings": findings,
        "audiences": audiences,
    }
    if rng.random() < 0.5:
        # Terms the text uses, so the glossary and its links are exercised too.
        terms = sorted(set(_LONG_WORDS[words]) & set(" ".join(f["explanation"] for f in findings).split()))
        pack["glossary"] = [{"term": term, "definition": _sentence(rng, words)} for term in terms[:4]]
    if with_functions:
        functions = [
            {
                "id": f"function-{number}",
                "name": _line(rng, words, 1, 5),
                "description": _text(rng, words, rng.randint(1, 3)),
                "examples": [_line(rng, words) for _ in range(rng.randint(0, 3))],
            }
            for number in range(1, rng.randint(1, 6) + 1)
        ]
        function_ids = [function["id"] for function in functions]
        audience_ids = [audience["id"] for audience in audiences]
        pack["functions"] = functions
        pack["pathways"] = [
            {
                "id": f"pathway-{number}",
                "name": _line(rng, words, 2, 6),
                "description": _sentence(rng, words),
                "functions": rng.sample(function_ids, rng.randint(1, len(function_ids))),
                "beneficiaries": rng.sample(audience_ids, rng.randint(1, len(audience_ids))),
            }
            for number in range(1, rng.randint(1, 4) + 1)
        ]
    return pack


def write_generated(folder: Path, seed: int, **knobs: Any) -> Path:
    """Write ``generate_pack(seed, **knobs)`` as ``folder/generated-<seed>.yaml``; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"generated-{seed}.yaml"
    text = yaml.safe_dump(generate_pack(seed, **knobs), allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    for argument in sys.argv[2:]:
        print(write_generated(Path(sys.argv[1]), int(argument)))  # noqa: T201
