"""The ``lcsi-briefs`` command: validate packs, print the schema, build the site and PDFs.

Exit codes: 0 success, 1 invalid data or a failed build (messages on stderr), 2 usage errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lcsi_briefs import __version__
from lcsi_briefs.layout import ProjectLayout
from lcsi_briefs.members.shard import Shard
from lcsi_briefs.memory import collect_rarely
from lcsi_briefs.model.problems import PackError, Problem
from lcsi_briefs.text.counts import counted

if TYPE_CHECKING:
    from lcsi_briefs.members.model import LoadedMember
    from lcsi_briefs.model.pack import LoadedPack

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def _project() -> ProjectLayout:
    """The folders that ``conf.py`` in the current folder names (``briefings/``, ``members/`` by default)."""
    from sphinx.errors import ConfigError  # noqa: PLC0415

    from lcsi_briefs.cli.project import read_layout  # noqa: PLC0415

    try:
        return read_layout(Path())
    except ConfigError:
        # The build reports a broken conf.py; checking the data needs only the default folders.
        return ProjectLayout(Path())


def _packs_folder() -> Path:
    """The packs folder that ``conf.py`` in the current folder names (``briefings/`` by default)."""
    return Path(_project().packs_dir)


def _members(arguments: argparse.Namespace, packs: list[LoadedPack]) -> tuple[int, list[Problem]]:
    """Check the project's member files and publisher file (when no file was named); print each.

    Returns how many members are valid (-1, having listed every problem, when one is not) and
    the warnings (colours printed darker), which fail only ``check --strict``.
    """
    if arguments.paths:
        return 0, []
    # Imported here, like the packs' loader: `build` with nothing to do never loads the models.
    from lcsi_briefs.members.loader import load_members, load_publisher, publisher_name_problems  # noqa: PLC0415
    from lcsi_briefs.members.plan import member_editions  # noqa: PLC0415

    project = _project()
    problems: list[Problem] = []
    members: list[LoadedMember] = []
    warnings: list[Problem] = []
    # Relative to the current folder, as the packs' paths are, so messages stay short; both
    # files' problems are listed in one pass.
    try:
        publisher, said = load_publisher(project.publisher_file.relative_to(project.root))
        warnings += said + publisher_name_problems(publisher, packs)
    except PackError as error:
        problems += error.problems
    try:
        members, more = load_members(Path(project.members_dir), packs)
        warnings += more
    except PackError as error:
        problems += error.problems
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{counted(len(problems), 'problem')} found in the member files.", file=sys.stderr)
        return -1, []
    for member in members:
        files = counted(len(member_editions(member, packs)), "file")
        print(f"{member.path}: valid (member: {member.member.name}, {files})")
    return len(members), warnings


def _load(arguments: argparse.Namespace, after: str = "") -> list[LoadedPack] | None:
    """The packs named on the command line (or the folder conf.py names); None, having listed
    every problem, when they do not load."""
    from lcsi_briefs.text.catalogue import PROJECT_LOCALE_DIR, use_project_catalogues  # noqa: PLC0415

    # The checks read hedges and labels in the pack's language, the project's catalogue first.
    use_project_catalogues([Path(PROJECT_LOCALE_DIR)])
    from lcsi_briefs.model.loader import load_packs  # noqa: PLC0415

    paths = [Path(p) for p in arguments.paths] or [_packs_folder()]
    try:
        return load_packs(paths)
    except PackError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{counted(len(error.problems), 'problem')} found{after}.", file=sys.stderr)
        return None


def _validate(arguments: argparse.Namespace) -> int:
    from lcsi_briefs.model.running_head import running_head_problems  # noqa: PLC0415
    from lcsi_briefs.newsletter.subject import subject_problems  # noqa: PLC0415

    packs = _load(arguments)
    if packs is None:
        return EXIT_INVALID
    for loaded in packs:
        findings, audiences = len(loaded.pack.findings), len(loaded.pack.audiences)
        print(f"{loaded.path}: valid ({counted(findings, 'finding')}, {counted(audiences, 'audience')})")
        # Valid, but worth changing before sending: reported, never failing.
        for problem in subject_problems(loaded) + running_head_problems(loaded):
            print(problem, file=sys.stderr)
    valid, warnings = _members(arguments, packs)
    for problem in warnings:
        print(problem, file=sys.stderr)
    return EXIT_INVALID if valid < 0 else EXIT_OK


def _check(arguments: argparse.Namespace) -> int:
    from lcsi_briefs.check import check_packs  # noqa: PLC0415 - only `check` pays for the readability scorer

    packs = _load(arguments, "; fix them, then check again")
    if packs is None:
        return EXIT_INVALID
    valid, member_warnings = _members(arguments, packs)
    if valid < 0:
        return EXIT_INVALID
    warnings = check_packs(packs) + member_warnings
    for problem in warnings:
        print(problem, file=sys.stderr)
    if warnings:
        verdict = "failing (--strict)" if arguments.strict else "not failing without --strict"
        print(f"{counted(len(warnings), 'editorial warning')}, {verdict}.", file=sys.stderr)
        return EXIT_INVALID if arguments.strict else EXIT_OK
    print(f"{counted(len(packs), 'pack')} checked: no editorial problems.")
    return EXIT_OK


def _schema(arguments: argparse.Namespace) -> int:
    from lcsi_briefs.members.schema import member_schema  # noqa: PLC0415
    from lcsi_briefs.model.schema import pack_schema  # noqa: PLC0415

    schema = member_schema() if arguments.member else pack_schema()
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _build(arguments: argparse.Namespace) -> int:
    from lcsi_briefs.cli.build import build_all  # noqa: PLC0415 - only `build` pays for importing Sphinx

    return build_all(
        Path(arguments.project), pdf=not arguments.html_only, strict=arguments.strict, shard=arguments.shard
    )


def _new(arguments: argparse.Namespace) -> int:
    from lcsi_briefs.cli.scaffold import ScaffoldError, new_pack  # noqa: PLC0415

    folder = Path(arguments.folder) if arguments.folder else _packs_folder()
    try:
        path = new_pack(folder, arguments.slug, dt.date.today(), source=arguments.source, series=arguments.series)
    except ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    except PackError as error:
        print(f"error: the existing packs have problems; fix them first:\n{error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Created {path}. Replace each REPLACE: placeholder, then run `lcsi-briefs validate` and `nox -s build`.")
    return EXIT_OK


def _preflight(arguments: argparse.Namespace) -> int:
    from sphinx.errors import ConfigError  # noqa: PLC0415

    from lcsi_briefs.cli.preflight import preflight  # noqa: PLC0415
    from lcsi_briefs.cli.project import read_layout  # noqa: PLC0415

    try:
        layout = read_layout(Path(arguments.project).resolve())
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    return preflight(layout.pdf, [Path(p) for p in arguments.paths], strict=arguments.strict, members=layout.members)


def _translate(arguments: argparse.Namespace) -> int:
    from lcsi_briefs.cli.translate import TranslateError, translate  # noqa: PLC0415

    project = Path(arguments.project)
    try:
        written = translate(project, arguments.language)
    except TranslateError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"error: could not write the catalogue: {error}", file=sys.stderr)
        return EXIT_INVALID
    for catalogue in written:
        counts = f"{counted(catalogue.messages, 'message')}, {catalogue.untranslated} to translate"
        print(f"{catalogue.path.relative_to(project)}: {counts}")
    print("Translate each empty msgstr, then build: the build names the messages still in English.")
    return EXIT_OK


def _pdfs(arguments: argparse.Namespace) -> int:
    from lcsi_briefs.cli.build import build_pdfs  # noqa: PLC0415

    return build_pdfs(Path(arguments.project), Path(arguments.outdir), Path(arguments.doctrees))


def _serve(arguments: argparse.Namespace) -> int:
    from lcsi_briefs.cli.preview import serve  # noqa: PLC0415

    try:
        import sphinx_autobuild  # noqa: F401, PLC0415 - only to say what is missing
    except ImportError:
        print('error: the live preview needs sphinx-autobuild: pip install "lcsi-briefs[serve]"', file=sys.stderr)
        return EXIT_USAGE
    return serve(Path(arguments.project), host=arguments.host, port=arguments.port, pdfs=not arguments.no_pdfs)


def _shard(text: str) -> Shard:
    try:
        return Shard.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected {error}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lcsi-briefs", description="Research briefings as data: check them, build the site and PDFs."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check briefing packs and report every problem")
    validate.add_argument(
        "paths", nargs="*", metavar="PATH", help="pack files or folders (default: the packs folder conf.py names)"
    )
    validate.set_defaults(run=_validate)
    check = commands.add_parser("check", help="editorial checks: coverage, reading age, terms, provenance")
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="pack files or folders (default: the packs folder conf.py names)"
    )
    check.add_argument("--strict", action="store_true", help="fail (exit 1) when there is any editorial warning")
    check.set_defaults(run=_check)
    schema = commands.add_parser("schema", help="print the JSON Schema of a briefing pack (or of a member file)")
    schema.add_argument("--member", action="store_true", help="the schema of a member file (members/<id>.yaml)")
    schema.set_defaults(run=_schema)
    build = commands.add_parser(
        "build", help="build the site, every PDF and the emails (build/html, build/pdf, build/newsletter)"
    )
    build.add_argument("--project", default=".", help="the folder holding conf.py (default: the current one)")
    build.add_argument("--html-only", action="store_true", help="build the site without rendering PDFs")
    build.add_argument("--strict", action="store_true", help="fail on editorial warnings (see `lcsi-briefs check`)")
    build.add_argument(
        "--shard",
        type=_shard,
        default=Shard(),
        metavar="K/N",
        help="build only share K of N of the member editions (shard 1 also builds the site); see the manual",
    )
    build.set_defaults(run=_build)
    preflight = commands.add_parser(
        "preflight", help="what the last build measured on every PDF page: stranded headings, broken words..."
    )
    preflight.add_argument("paths", nargs="*", metavar="PACK", help="only the PDFs of these pack files")
    preflight.add_argument("--project", default=".", help="the folder holding conf.py (default: the current one)")
    preflight.add_argument("--strict", action="store_true", help="fail (exit 1) when there is any problem")
    preflight.set_defaults(run=_preflight)
    new = commands.add_parser("new", help="start a briefing (--from PACK to continue one)")
    new.add_argument("slug", help="the new pack's name, e.g. lcsi-2026 (lower-case letters, digits, hyphens)")
    new.add_argument("--folder", help="where packs live (default: the packs folder conf.py names)")
    continued = new.add_mutually_exclusive_group()
    continued.add_argument(
        "--from", dest="source", metavar="PACK", help="continue this pack: its series, publisher, language, audiences"
    )
    continued.add_argument("--series", metavar="NAME", help="continue the newest pack of this series")
    new.set_defaults(run=_new)
    translate = commands.add_parser(
        "translate", help="start (or update) the project's catalogue of interface words in a language"
    )
    translate.add_argument("language", help="a language tag, e.g. fr, ga or pt-BR")
    translate.add_argument("--project", default=".", help="the folder holding conf.py (default: the current one)")
    translate.set_defaults(run=_translate)
    serve = commands.add_parser("serve", help="live preview: rebuild and reload the browser on every edit")
    serve.add_argument("--project", default=".", help="the folder holding conf.py (default: the current one)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument("--no-pdfs", action="store_true", help="preview the site only, without rendering PDFs")
    serve.set_defaults(run=_serve)
    pdfs = commands.add_parser("pdfs", help="render the PDFs from an existing HTML build (used by serve)")
    pdfs.add_argument("--project", default=".")
    pdfs.add_argument("--outdir", required=True)
    pdfs.add_argument("--doctrees", required=True)
    pdfs.set_defaults(run=_pdfs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    collect_rarely()
    try:
        return int(arguments.run(arguments))
    except KeyboardInterrupt:
        print("Interrupted; the previous output in build/ is unchanged.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
