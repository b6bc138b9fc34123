# ruff: noqa: RUF001
"""What a party reads before a step that commits them, and the proof of what they read
(issue 15, deliverable 4: what is shown is what is recorded).

Two texts, each in the reader's language, each from one place:

- The legal effect of the method, which the complainant consents to (ISO 10003 4.6, informed
  consent): the scheme's own text for the method (`Scheme.legal_effects`, which admins edit),
  else Parley's standard text for the method's kind, below.
- The notice before accepting an outcome (EU ADR Directive 2013/11/EU Art. 9(2)(b)): nobody has
  to accept a proposed solution, taking part does not close the courts, and the solution may
  differ from what a court applying the law would decide; with the legal effect of accepting
  (Art. 9(2)(b)(iii)). A binding award has a notice of its own: it binds whether accepted or not
  (Art. 10(2)), and what is left to the parties is a review.

A screen shows a `Shown` text and sends back its `digest` with the step; the step records the
text only when the digest is that of the text as it stands then (`require_shown`), so a record
never holds a text other than the one on the screen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from portal.cases.errors import CaseError
from portal.cases.states import Method, MethodFamily

# Every text below has this language; a reader whose language has none reads it in this one.
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Shown:
    """A text as a reader gets it: the words and the language (BCP 47) they are in."""

    text: str
    language: str

    @property
    def digest(self) -> str:
        """SHA-256 of the text (UTF-8), in hex: what a step sends back to say what it showed."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Effect(StrEnum):
    """What an outcome of a method does to the parties: the three kinds Parley's standard
    legal-effect texts distinguish."""

    AGREEMENT_ONLY = "agreement_only"  # facilitative: nothing binds unless both agree
    IF_ACCEPTED = "if_accepted"  # advisory, non-binding arbitration: binds only if accepted
    BINDING = "binding"  # binding arbitration: binds both; review only

    @classmethod
    def of(cls, method: Method) -> Effect:
        if method.binding:
            return cls.BINDING
        if method.family is MethodFamily.FACILITATIVE:
            return cls.AGREEMENT_ONLY
        return cls.IF_ACCEPTED


STANDARD_LEGAL_EFFECTS: dict[Effect, dict[str, str]] = {
    Effect.AGREEMENT_ONLY: {
        "en": "Nothing in this process binds you or the organisation unless you both agree to "
        "a settlement. A settlement you both agree to binds you both, as an agreement between "
        "you. Until then you may stop at any time, and you keep your right to take the dispute "
        "to court.",
        "zh-Hans": "除非您与该机构双方同意和解，本程序中的任何内容对您或该机构均无约束力。"
        "双方同意的和解作为双方之间的协议，对双方均有约束力。在此之前，您可以随时退出，"
        "并保留向法院起诉的权利。",
    },
    Effect.IF_ACCEPTED: {
        "en": "The outcome (a recommendation, an opinion or a non-binding award) binds you only "
        "if you accept it. You may reject it, stating your reasons, and you keep your right to "
        "take the dispute to court. If you and the organisation both accept it, it binds you "
        "both.",
        "zh-Hans": "结果（建议、意见或无约束力的裁决）只有在您接受后才对您有约束力。"
        "您可以说明理由予以拒绝，并保留向法院起诉的权利。"
        "如果您与该机构双方都接受，结果对双方均有约束力。",
    },
    Effect.BINDING: {
        "en": "The award binds both you and the organisation. You cannot reject it: you may "
        "only ask for a review, stating your reasons, within the reflection period, and the "
        "award (or the award as varied by the review) is then final. By agreeing to be bound "
        "you give up taking the same dispute to court, except to challenge the award on the "
        "limited grounds the law allows.",
        "zh-Hans": "裁决对您和该机构双方均有约束力。您不能拒绝裁决：您只能在考虑期内说明理由"
        "申请复核，此后裁决（或经复核变更的裁决）即为终局。同意受约束，即表示您放弃就同一"
        "争议向法院起诉，但依法律允许的有限理由对裁决提出异议的除外。",
    },
}

# Keyed by whether the outcome binds (Outcome.binding).
ACCEPTANCE_NOTICES: dict[bool, dict[str, str]] = {
    False: {
        "en": "Before you decide: you do not have to accept or follow this outcome, and you "
        "are free to reject it. Taking part in this procedure does not stop you from going to "
        "court. The outcome may be different from what a court applying the law would decide. "
        "If you accept it and the other side accepts it too, it binds you both as an "
        "agreement, and it is then carried out.",
        "zh-Hans": "在您作出决定之前：您没有义务接受或遵从这一结果，可以自由拒绝。"
        "参与本程序不妨碍您向法院起诉。这一结果可能与法院依法作出的裁判不同。"
        "如果您接受，且另一方也接受，该结果即作为协议对双方具有约束力，随后付诸履行。",
    },
    True: {
        "en": "Before you accept: this award binds both sides whether or not you accept it, as "
        "was agreed before the arbitration began. It may be different from what a court "
        "applying the law would decide, and going to court about the same dispute is now "
        "possible only to challenge the award on the limited grounds the law allows. Until the "
        "reflection period ends you may ask for a review instead, stating your reasons. Once "
        "both sides have accepted the award, it is carried out without waiting for the end of "
        "that period.",
        "zh-Hans": "在您接受之前：无论您是否接受，本裁决对双方均有约束力，这是仲裁开始前已经"
        "约定的。裁决可能与法院依法作出的裁判不同；就同一争议向法院起诉，现在只能以法律允许"
        "的有限理由对裁决提出异议。在考虑期结束前，您也可以改为说明理由申请复核。"
        "双方均接受裁决后，裁决即付诸履行，无需等待考虑期结束。",
    },
}


def _in(texts: Mapping[str, str], language: str) -> Shown:
    if texts.get(language):
        return Shown(texts[language], language)
    return Shown(texts[FALLBACK_LANGUAGE], FALLBACK_LANGUAGE)


def legal_effect(own: Mapping[str, str], method: Method, language: str) -> Shown:
    """The legal effect of ``method`` for a reader of ``language``, from the scheme's texts
    for the method (``own``, by language).

    The scheme's text in that language; where the scheme has texts for the method but none in
    that language, one of them as written (English first), marked with its language: a
    provider's statement of what its scheme does is never swapped for Parley's standard text,
    which may say less or otherwise. Parley's standard text (in that language, else English)
    only where the scheme has none for the method.
    """
    for candidate in (language, FALLBACK_LANGUAGE, *sorted(own)):
        if own.get(candidate):
            return Shown(own[candidate], candidate)
    return _in(STANDARD_LEGAL_EFFECTS[Effect.of(method)], language)


def acceptance_notice(binding: bool, language: str) -> Shown:
    """The notice a party reads before accepting an outcome (Art. 9(2)(b); Art. 10(2) for a
    binding award), in ``language``, else English."""
    return _in(ACCEPTANCE_NOTICES[binding], language)


def language_of(value: object, default: str) -> str:
    """The language a step says its screen was in (a `Locale` or its value), else ``default``."""
    if value is None:
        return default
    return str(getattr(value, "value", value))


def require_shown(shown: Shown, digest: object, code: str, field: str) -> None:
    """Refuse a step whose screen showed another text than ``shown`` (it changed meanwhile,
    or the screen was in another language). No digest: the caller showed nothing to compare
    (a step taken through the services, not through a screen), and ``shown`` is recorded."""
    if digest is None:
        return
    if not isinstance(digest, str) or digest.strip().lower() != shown.digest:
        raise CaseError(
            code,
            "The text you were shown is not the one in force now: read it again, then repeat "
            "the step.",
            field=field,
        )
