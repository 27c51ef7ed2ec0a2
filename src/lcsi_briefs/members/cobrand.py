"""A member's parts of an edition (:class:`~lcsi_briefs.editions.Cobrand`), in the pack's language,
and the publisher's parts of its own editions (:func:`own_brand`), from the same rules.

The print templates show these parts only when given a Cobrand; everything else an edition
prints is the publisher's assembly, the very same HTML. Every word here comes from the
catalogue, every value from the member file goes in as escaped text, and each colour has
passed the contrast gate (:mod:`lcsi_briefs.members.loader`), so it can go into a style
attribute as it is.
"""

from __future__ import annotations

from lcsi_briefs.editions import Cobrand, ContactLine
from lcsi_briefs.members.logo import data_uri
from lcsi_briefs.members.model import Identity, LoadedMember, LoadedPublisher
from lcsi_briefs.text.catalogue import N_, Translator, translator_for
from lcsi_briefs.text.paragraphs import paragraphs

#: The co-branding line under the masthead, and in every member PDF's metadata.
SHARED_LINE = N_("Shared by {member} · Published by {publisher}")
FOREWORD_HEADING = N_("A foreword from {member}")
FOREWORD_NOTE = N_("These are {member}'s own words. The research and its implications are {publisher}'s.")
CONTACT_HEADING = N_("Contact {member}")
CHARITY = N_("Registered charity number {number}")
#: The labels of the contact block, in its order.
CONTACT_LABELS = {"email": N_("Email"), "phone": N_("Phone"), "url": N_("Website"), "address": N_("Address")}


def _href(key: str, value: str) -> str:
    if key == "email":
        return f"mailto:{value}"
    if key == "phone":
        return "tel:" + "".join(c for c in value if c.isdigit() or c == "+")
    return value if key == "url" else ""


def _contact(identity: Identity, _: Translator) -> tuple[str, list[ContactLine], str]:
    """An organisation's contact block, member's or publisher's alike: heading, lines, charity number."""
    lines = [
        ContactLine(_(label), value, _href(key, value))
        for key, label in CONTACT_LABELS.items()
        if (value := getattr(identity.contact, key))
    ]
    charity = _(CHARITY, number=identity.charity_number) if identity.charity_number else ""
    return _(CONTACT_HEADING, member=identity.name), lines, charity


def cobrand(
    member: LoadedMember, publisher_name: str, language: str, publisher: LoadedPublisher | None = None
) -> Cobrand:
    """The member's parts of an edition in ``language``, published by ``publisher_name``."""
    _ = translator_for(language)
    data = member.member
    names = {"member": data.name, "publisher": publisher_name}
    heading, contact, charity = _contact(data, _)
    publisher_logo = publisher.logo if publisher is not None else None
    return Cobrand(
        name=data.name,
        logo=data_uri(member.logo),
        logo_alt=data.logo.alt,
        primary=member.primary,
        accent=member.accent,
        shared_line=_(SHARED_LINE, **names),
        foreword=paragraphs(data.foreword or ""),
        foreword_heading=_(FOREWORD_HEADING, member=data.name),
        foreword_note=_(FOREWORD_NOTE, **names),
        contact_heading=heading,
        contact=contact,
        charity=charity,
        publisher_logo=data_uri(publisher_logo) if publisher and publisher_logo else "",
        publisher_logo_alt=publisher.publisher.logo.alt if publisher and publisher.publisher.logo else "",
    )


def own_brand(publisher: LoadedPublisher, language: str) -> Cobrand:
    """The publisher's parts of its own editions in ``language``: its logo, colours and contact block.

    The same parts as a member's, printed by the same template macros, so the two contact
    blocks cannot drift apart; there is no "Shared by" line and no foreword.
    """
    _ = translator_for(language)
    data = publisher.publisher
    heading, contact, charity = _contact(data, _)
    return Cobrand(
        name=data.name,
        logo=data_uri(publisher.logo) if publisher.logo else "",
        logo_alt=data.logo.alt if data.logo else "",
        primary=publisher.primary,
        accent=publisher.accent,
        shared_line="",
        foreword=[],
        foreword_heading="",
        foreword_note="",
        contact_heading=heading,
        contact=contact,
        charity=charity,
        own=True,
    )
