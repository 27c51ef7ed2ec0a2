"""A site in two languages: each language a site of its own, every word of its frame in that language.

Built the way a publisher builds it: an English pack and its Welsh twin (written in Welsh,
``tests/fixtures/valid/coed-stryd.yaml``) in one project, ``lcsi-briefs build``. The English
site is at the root, the Welsh one under ``cy/``, linked page to page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.languages import SiteLanguages, language_key, site_languages

from .conftest import REPO, make_project, mark_template, shared_build, write_pack

VALID = REPO / "tests" / "fixtures" / "valid"
#: Words of the frame around a page (Sphinx's, Furo's and ours) that must not be left in English.
FRAME_WORDS = (
    "Skip to content",
    "Back to top",
    "On this page",
    "Next",
    "Previous",
    "Home",
    "Copyright",
    "Made with",
    "Search",
    "Toggle",
    "Link to this",
    "Member briefings",
    "About these briefings",
    "Other formats",
    "Accessibility statement",
    "Glossary of all briefings",
    "Briefings",
    "Contents",
    "Menu",
    "Expand",
    "Light mode",
    "Dark mode",
    "Index",
    "Language",
    "Number",
    "number",
    "the authors of each briefing",
    "a(c)",
)
LABELS = ("aria-label", "title", "placeholder", "alt")


SITE_URL = "https://briefings.example.org/"


def load(name: str) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load((VALID / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def make(root: Path) -> None:
        make_project(root, {"minimal": load("minimal.yaml"), "coed-stryd": load("coed-stryd.yaml")})
        # With an address, so each language's site has its sitemap for the build to merge.
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("LCSI_BRIEFS_SITE_URL", SITE_URL)
            assert build_all(root, pdf=False) == 0

    return shared_build(tmp_path_factory, "languages", make) / "build" / "html"


def test_the_root_sitemap_lists_every_language_s_pages_once(site: Path) -> None:
    locs = [
        str(loc.text)
        for loc in ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert len(locs) == len(set(locs))
    pages = {loc.removeprefix(SITE_URL) for loc in locs}
    assert "briefing/minimal/index.html" in pages and "cy/briefing/coed-stryd/index.html" in pages
    assert "cy/index.html" in pages and "index.html" in pages
    assert all((site / page).is_file() for page in pages)


def pages(folder: Path) -> list[Path]:
    """The site's pages in ``folder``: not its emails, nor another language's site inside it."""
    return sorted(
        path
        for path in folder.rglob("*.html")
        if not any(part.startswith("_") for part in path.relative_to(folder).parts)
        and path.relative_to(folder).parts[0] not in ("cy", "newsletter")
    )


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def frame_text(soup: BeautifulSoup) -> str:
    """Everything a reader (or a screen reader) meets on a page: its title, text and labels."""
    labels = [str(tag[name]) for tag in soup.find_all(True) for name in LABELS if tag.has_attr(name)]
    for tag in soup(["script", "style"]):
        tag.decompose()
    return " ".join([soup.get_text(" "), *labels])


def english_left(text: str) -> list[str]:
    return [word for word in FRAME_WORDS if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def test_each_language_is_a_site_of_its_own(site: Path) -> None:
    english, welsh = soup_of(site / "index.html"), soup_of(site / "cy" / "index.html")
    assert [a.get_text(strip=True) for a in english.select(".lcsi-series .sd-card-header a")] == [
        "Street trees and summer heat: what the city survey found"
    ]
    assert [a.get_text(strip=True) for a in welsh.select(".lcsi-series .sd-card-header a")] == [
        "Coed stryd a gwres yr haf: beth ganfu arolwg y ddinas"
    ]
    assert (site / "briefing" / "minimal" / "index.html").is_file()
    assert (site / "cy" / "briefing" / "coed-stryd" / "index.html").is_file()
    assert not (site / "briefing" / "coed-stryd").exists() and not (site / "cy" / "briefing" / "minimal").exists()
    for name in ("index", "about", "formats", "accessibility", "search", "briefing/glossary"):
        assert (site / "cy" / f"{name}.html").is_file(), name


def test_every_welsh_page_has_a_welsh_frame(site: Path) -> None:
    welsh = pages(site / "cy")
    assert len(welsh) >= 12
    for path in welsh:
        soup = soup_of(path)
        assert soup.html is not None and soup.html["lang"] == "cy", path
        title = soup.title.get_text() if soup.title else ""
        assert title.endswith("Papurau briffio i aelodau"), (path, title)
        assert english_left(frame_text(soup)) == [], path
    about = soup_of(site / "cy" / "about.html").select_one("article h1")
    assert about is not None and about.get_text(strip=True).startswith("Ynglŷn â'r papurau briffio hyn")
    statement = soup_of(site / "cy" / "accessibility.html").get_text(" ")
    assert "Datganiad hygyrchedd" in statement and "Pa mor hygyrch" in statement


def test_english_pages_keep_an_english_frame(site: Path) -> None:
    for path in pages(site):
        text = frame_text(soup_of(path))
        assert "Skip to content" in text and "Back to top" in text, path
        assert "Cymraeg" in text, path  # the switch names the other language in its own words
    title = soup_of(site / "briefing" / "minimal" / "index.html").title
    assert title is not None and title.get_text().endswith("Member briefings")


def _target(page: Path, href: str) -> Path:
    return (page.parent / href.split("#", maxsplit=1)[0]).resolve()


@pytest.mark.parametrize(("here", "there"), [("", "cy/"), ("cy/", "")])
def test_every_page_links_its_twin_in_the_other_language(site: Path, here: str, there: str) -> None:
    for path in pages(site / here):
        soup = soup_of(path)
        switch = soup.select("nav.lcsi-languages a")
        assert len(switch) == 1, path
        target = _target(path, str(switch[0]["href"]))
        assert target.is_file() and target.is_relative_to((site / there).resolve()), (path, target)
        assert switch[0]["hreflang"] == switch[0]["lang"]
        alternates = soup.select('link[rel="alternate"][hreflang]')
        assert len(alternates) == 2 and _target(path, str(alternates[1]["href"])) == target
    overview = site / here / "briefing" / ("minimal" if not here else "coed-stryd") / "audiences" / "councils.html"
    link = soup_of(overview).select_one("nav.lcsi-languages a")
    assert link is not None
    twin = site / there / "briefing" / ("coed-stryd" if not here else "minimal") / "audiences" / "councils.html"
    assert _target(overview, str(link["href"])) == twin.resolve()


def test_previous_and_next_stay_within_one_pack(site: Path) -> None:
    for folder in (site / "briefing" / "minimal", site / "cy" / "briefing" / "coed-stryd"):
        seen = 0
        for path in folder.rglob("*.html"):
            for link in soup_of(path).select(".related-pages a"):
                assert _target(path, str(link["href"])).is_relative_to(folder.resolve()), (path, link["href"])
                seen += 1
        assert seen >= 4


def test_landing_badges_name_the_series(site: Path) -> None:
    english = soup_of(site / "index.html").select_one(".lcsi-series .sd-badge")
    welsh = soup_of(site / "cy" / "index.html").select_one(".lcsi-series .sd-badge")
    assert english is not None and english.get_text(strip=True) == "Neighbourhood notes, number 3"
    assert welsh is not None and welsh.get_text(strip=True) == "Nodiadau cymdogaeth, rhif 3"


def test_search_speaks_welsh_and_indexes_welsh_pages_only(site: Path) -> None:
    script = (site / "cy" / "_static" / "translations.js").read_text(encoding="utf-8")
    assert "Wedi gorffen chwilio" in script and '"Searching": "Yn chwilio"' in script
    index = (site / "cy" / "searchindex.js").read_text(encoding="utf-8")
    assert "Coed stryd" in index and "Street trees" not in index


def test_site_languages_follow_the_packs_and_the_pages() -> None:
    assert language_key("cy-GB") == "cy" and language_key("en_GB") == "en"
    assert site_languages("en_GB", ["en-GB", "cy"], lambda key: True) == SiteLanguages(("en", "cy"))
    # No pages in Welsh: one build, as before.
    assert site_languages("en_GB", ["en-GB", "cy"], lambda key: False) == SiteLanguages()
    languages = SiteLanguages(("en", "cy"))
    assert languages.url("cy", "https://example.org/cy/", "en") == "https://example.org/"
    assert languages.url("en", "https://example.org", "cy") == "https://example.org/cy/"
    assert languages.url("cy", "../", "en") == "../../"
    assert languages.site_of("pl") == "en" and languages.site_of("cy-GB") == "cy"


def test_a_glossary_term_links_in_its_other_forms(site: Path) -> None:
    """'ganopi' is 'canopi' mutated (after 'o dan'): the page links it to the entry."""
    overview = soup_of(site / "cy" / "briefing" / "coed-stryd" / "index.html")
    links = {a.get_text(strip=True): str(a["href"]) for a in overview.select("article a[href*='-term-']")}
    assert links.get("ganopi", "").endswith("glossary.html#coed-stryd-term-canopi"), links


def test_check_warns_about_a_term_used_in_no_form(tmp_path: Path) -> None:
    from lcsi_briefs.check import check_pack  # noqa: PLC0415
    from lcsi_briefs.model.loader import load_pack  # noqa: PLC0415

    from .conftest import write_pack  # noqa: PLC0415

    pack = load("coed-stryd.yaml")
    glossary = pack["glossary"]
    assert isinstance(glossary, list)
    del glossary[0]["forms"]

    def term_warnings() -> list[str]:
        loaded = load_pack(write_pack(tmp_path / "coed-stryd.yaml", pack))
        return [p.message for p in check_pack(loaded) if p.field == "glossary[0].term"]

    [message] = term_warnings()
    assert "'canopi' is not used in the text in any form" in message
    glossary[0]["forms"] = ["chanopi"]
    assert term_warnings() == []


def test_search_folds_diacritics_in_the_index_and_the_query(site: Path) -> None:
    from lcsi_briefs.sphinx_ext.search import SCRIPT, fold  # noqa: PLC0415

    assert fold("Łódź") == "Lodz" and fold("Ynglŷn â") == "Ynglyn a" and fold("Straße") == "Strasse"
    index = (site / "cy" / "searchindex.js").read_text(encoding="utf-8")
    assert '"lodz"' in index and "łódź" not in index.casefold()
    search = soup_of(site / "cy" / "search.html")
    # Linked with its checksum (``?v=…``), as every build's pages link it.
    scripts = [str(tag["src"]).split("?")[0] for tag in search.select("script[src]")]
    ours = next(tag for tag in search.select("script[src]") if str(tag["src"]).split("?")[0].endswith(SCRIPT))
    assert ours.has_attr("defer") and any(src.endswith("language_data.js") for src in scripts)
    assert "Ł" in (site / "cy" / "_static" / SCRIPT).read_text(encoding="utf-8")


def test_a_language_with_nothing_changed_is_not_built_again(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"minimal": load("minimal.yaml"), "coed-stryd": load("coed-stryd.yaml")})
    assert build_all(root, pdf=False) == 0
    html = root / "build" / "html"
    # Every Sphinx build of a site copies its translations.js again: unchanged means not built.
    welsh_work = root / "build" / ".work" / "cy" / "html" / "_static" / "translations.js"
    before = welsh_work.stat().st_mtime_ns
    about = root / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nAn edited line.\n", encoding="utf-8")
    assert build_all(root, pdf=False) == 0
    assert "An edited line." in (html / "about.html").read_text(encoding="utf-8")
    assert welsh_work.stat().st_mtime_ns == before  # the Welsh site was not built again
    assert (html / "cy" / "index.html").is_file()  # and is still published
    welsh = root / "docs" / "cy" / "about.md"
    welsh.write_text(welsh.read_text(encoding="utf-8") + "\nLlinell newydd.\n", encoding="utf-8")
    assert build_all(root, pdf=False) == 0
    assert "Llinell newydd." in (html / "cy" / "about.html").read_text(encoding="utf-8")


def test_a_switch_follows_its_twin_when_the_twin_loses_a_page(tmp_path: Path) -> None:
    english = load("minimal.yaml")
    root = make_project(tmp_path, {"minimal": english, "coed-stryd": load("coed-stryd.yaml")})
    assert build_all(root, pdf=False) == 0
    page = root / "build" / "html" / "cy" / "briefing" / "coed-stryd" / "glossary.html"

    def switch() -> str:
        link = soup_of(page).select_one("nav.lcsi-languages a")
        assert link is not None
        return str(link["href"])

    assert switch().endswith("briefing/minimal/glossary.html")
    del english["glossary"]
    write_pack(root / "briefings" / "minimal.yaml", english)
    assert build_all(root, pdf=False) == 0
    assert switch().endswith("briefing/minimal/index.html")  # the English briefing's overview now


def test_a_template_edit_reaches_every_language_of_the_site(tmp_path: Path) -> None:
    """A template folder in ``docs/`` is read by every language's build, not only the root's: each
    language's stamp counts it, so none is skipped as unchanged after an edit."""
    root = make_project(tmp_path / "project", {"minimal": load("minimal.yaml"), "coed-stryd": load("coed-stryd.yaml")})
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ntemplates_path = ["docs/_templates"]\n')
    template = root / "docs" / "_templates" / "base.html"
    for mark in ("one", "two"):
        meta = mark_template(template, mark)
        assert build_all(root, pdf=False) == 0
        for page in ("index.html", "cy/index.html"):
            assert meta in (root / "build" / "html" / page).read_text(encoding="utf-8"), (mark, page)
