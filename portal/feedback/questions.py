"""Survey questions: the default set (issue 7), checking an organisation's own set, and
reading the answers given to one.

A question is `{"key", "kind", "prompt", "required"}`. Every set keeps the `overall` scale
question: it is the headline figure that satisfaction by method and by provider compare.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from portal.feedback.errors import FeedbackError
from portal.feedback.states import QuestionKind
from portal.lengths import at_most

OVERALL = "overall"
MAX_QUESTIONS = 20
MAX_PROMPT = 500
MAX_COMMENT = 5_000
SCALE = range(1, 6)
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")

DEFAULT_QUESTIONS: tuple[dict[str, Any], ...] = (
    {
        "key": OVERALL,
        "kind": QuestionKind.SCALE.value,
        "prompt": "Overall, how satisfied are you with how your dispute was handled?",
        "required": True,
    },
    {
        "key": "fairness",
        "kind": QuestionKind.SCALE.value,
        "prompt": "How fair was the process to you?",
        "required": True,
    },
    {
        "key": "timeliness",
        "kind": QuestionKind.SCALE.value,
        "prompt": "How satisfied are you with the time it took?",
        "required": True,
    },
    {
        "key": "clarity",
        "kind": QuestionKind.SCALE.value,
        "prompt": "How clear was the information you were given?",
        "required": True,
    },
    {
        "key": "use_again",
        "kind": QuestionKind.YES_NO.value,
        "prompt": "Would you use this dispute-resolution service again?",
        "required": True,
    },
    {
        "key": "comment",
        "kind": QuestionKind.TEXT.value,
        "prompt": "Anything else you want to tell us?",
        "required": False,
    },
)


def checked_questions(questions: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """An organisation's question set as stored, or FeedbackError naming what is wrong."""
    if not 1 <= len(questions) <= MAX_QUESTIONS:
        raise FeedbackError(
            "INVALID_INPUT", f"A survey has 1 to {MAX_QUESTIONS} questions.", "questions"
        )
    seen: set[str] = set()
    result: list[dict[str, Any]] = []
    for question in questions:
        key = str(question.get("key") or "")
        prompt = str(question.get("prompt") or "").strip()
        if not _KEY.match(key) or key in seen:
            raise FeedbackError(
                "INVALID_INPUT",
                "Question keys are unique, lower case, up to 32 letters, digits or `_`.",
                "questions",
            )
        if not prompt or "\x00" in prompt:
            raise FeedbackError(
                "INVALID_INPUT",
                f"Every question has a prompt of 1 to {MAX_PROMPT} characters.",
                "questions",
            )
        at_most(prompt, MAX_PROMPT, "questions", FeedbackError, label="A question's prompt")
        try:
            kind = QuestionKind(str(question.get("kind")))
        except ValueError as exc:
            raise FeedbackError(
                "INVALID_INPUT", "A question's kind is scale, yes_no or text.", "questions"
            ) from exc
        seen.add(key)
        result.append(
            {
                "key": key,
                "kind": kind.value,
                "prompt": prompt,
                "required": bool(question.get("required")),
            }
        )
    overall = next((q for q in result if q["key"] == OVERALL), None)
    if overall is None or overall["kind"] != QuestionKind.SCALE.value or not overall["required"]:
        raise FeedbackError(
            "OVERALL_QUESTION_REQUIRED",
            "Every survey keeps the required `overall` scale question.",
            "questions",
        )
    return result


@dataclass(frozen=True)
class Answer:
    question: str
    kind: QuestionKind
    score: int | None = None
    agreed: bool | None = None
    comment: str = ""


def read_answers(
    questions: Sequence[Mapping[str, Any]], given: Sequence[Mapping[str, Any]]
) -> list[Answer]:
    """The answers to ``questions``, or FeedbackError for the first one that is wrong.

    ``given`` is `[{"question", "score" | "agreed" | "comment"}]`; every required question
    needs an answer, unknown and repeated questions are refused.
    """
    by_key = {str(q["key"]): q for q in questions}
    answers: dict[str, Answer] = {}
    for item in given:
        key = str(item.get("question") or "")
        question = by_key.get(key)
        if question is None or key in answers:
            raise FeedbackError(
                "INVALID_ANSWER",
                f"`{key}` is not a question of this survey, or is repeated.",
                "answers",
            )
        answer = _answer(key, QuestionKind(question["kind"]), item)
        if answer is not None:
            answers[key] = answer
    missing = [k for k, q in by_key.items() if q["required"] and k not in answers]
    if missing:
        raise FeedbackError("REQUIRED", f"Answer `{missing[0]}`.", "answers")
    return [answers[k] for k in by_key if k in answers]


def _answer(key: str, kind: QuestionKind, item: Mapping[str, Any]) -> Answer | None:
    if kind is QuestionKind.SCALE:
        score = item.get("score")
        if score is None:
            return None
        if not isinstance(score, int) or isinstance(score, bool) or score not in SCALE:
            raise FeedbackError("INVALID_ANSWER", f"`{key}` takes a score from 1 to 5.", "answers")
        return Answer(key, kind, score=score)
    if kind is QuestionKind.YES_NO:
        agreed = item.get("agreed")
        if agreed is None:
            return None
        if not isinstance(agreed, bool):
            raise FeedbackError("INVALID_ANSWER", f"`{key}` takes yes or no.", "answers")
        return Answer(key, kind, agreed=agreed)
    comment = str(item.get("comment") or "").strip()
    if not comment:
        return None
    if "\x00" in comment:
        raise FeedbackError("INVALID_ANSWER", f"`{key}` takes text.", "answers")
    at_most(comment, MAX_COMMENT, "answers", FeedbackError, label="Your comment")
    return Answer(key, kind, comment=comment)
