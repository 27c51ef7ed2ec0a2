"""Email subjects: the briefing's short title and, in an audience's email, who it is for.

A subject is never cut: a title shortened to "Local Civil Society Infrastructure: what the…"
tells the reader less than either of its short forms would. The editor gives those short forms
(``briefing.short_title``, an audience's ``short_name``); where a subject would run past
:data:`SUBJECT_WARN_AT` characters without them, ``lcsi-briefs validate`` says which to add.
"""

from __future__ import annotations

from lcsi_briefs.model.audience import SHORT_NAME_MAX
from lcsi_briefs.model.pack import SHORT_TITLE_MAX, LoadedPack
from lcsi_briefs.model.problems import Location, Problem, Severity, field_path
from lcsi_briefs.model.yaml_reader import read_yaml
from lcsi_briefs.text.catalogue import N_, Translator, translator_for

#: Subjects: with one colon at most, so a subject reads as one phrase.
SUBJECT_ALL = N_("{short}: {series}, number {number}")
SUBJECT_AUDIENCE = N_("For {audience}: {short}")
SUBJECT_AUDIENCE_COLON = N_("{short} \N{EN DASH} for {audience}")
#: The line length email standards recommend (RFC 5322, 2.1.1); most inboxes show less, but a
#: subject up to here is still read whole in a message list on a wide screen.
SUBJECT_WARN_AT = 78


def subject(loaded: LoadedPack, audience_id: str | None, _: Translator) -> str:
    """The subject of the membership's email (``audience_id`` None) or of one audience's email.

    The membership's subject adds the series and number when the briefing has a short title and
    the whole still fits; an audience's names the audience first.
    """
    briefing = loaded.pack.briefing
    short = briefing.short_name
    if audience_id is None:
        if briefing.short_title is None or briefing.series is None:
            return short
        full = _(SUBJECT_ALL, short=short, series=briefing.series.name, number=briefing.series.number)
        return full if len(full) <= SUBJECT_WARN_AT else short
    audience = loaded.pack.audience(audience_id).in_subject
    pattern = SUBJECT_AUDIENCE_COLON if ":" in short else SUBJECT_AUDIENCE
    return _(pattern, short=short, audience=audience)


def subject_problems(loaded: LoadedPack) -> list[Problem]:
    """A warning for each email whose subject runs past :data:`SUBJECT_WARN_AT` characters.

    Located at what to shorten: the title (or short title), or the audience's name.
    """
    pack = loaded.pack
    _ = translator_for(pack.briefing.language)
    document = read_yaml(loaded.path)
    title_key = pack.briefing.short_field
    problems: list[Problem] = []

    def warn(location: Location, text: str, advice: str) -> None:
        line, column = document.position(location)
        message = (
            f"the email subject {text!r} is {len(text)} characters, more than the {SUBJECT_WARN_AT} an inbox "
            f"shows whole; subjects are never cut, so {advice}"
        )
        problems.append(Problem(loaded.path, line, column, field_path(location), message, Severity.WARNING))

    def title_advice() -> str:
        if pack.briefing.short_title is None:
            return f"give the briefing a short_title (at most {SHORT_TITLE_MAX} characters)"
        return "shorten the short_title"

    whole = subject(loaded, None, _)
    if len(whole) > SUBJECT_WARN_AT:
        warn(("briefing", title_key), whole, title_advice())
    for index, audience in enumerate(pack.audiences):
        text = subject(loaded, audience.id, _)
        if len(text) <= SUBJECT_WARN_AT:
            continue
        if audience.short_name is None:
            advice = f"give this audience a short_name (at most {SHORT_NAME_MAX} characters)"
            if pack.briefing.short_title is None:
                advice = f"{title_advice()}, or {advice}"
            warn(("audiences", index, "name"), text, advice)
        else:
            warn(("audiences", index, "short_name"), text, f"{title_advice()}, or shorten this short_name")
    return problems
