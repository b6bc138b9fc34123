"""The vocabulary of feedback: root causes, survey questions, who answers a survey."""

from __future__ import annotations

from enum import StrEnum


class RootCause(StrEnum):
    """ISO 10002 8.3: the category of the cause behind a complaint, for finding systemic and
    recurring problems. A fixed list, so management review can count them."""

    PRODUCT_DEFECT = "product_defect"
    SERVICE_FAILURE = "service_failure"
    BILLING_ERROR = "billing_error"
    DELIVERY = "delivery"
    CONTRACT_TERMS = "contract_terms"
    COMMUNICATION = "communication"
    STAFF_CONDUCT = "staff_conduct"
    POLICY = "policy"
    NO_FAULT_FOUND = "no_fault_found"
    OTHER = "other"


class QuestionKind(StrEnum):
    SCALE = "scale"  # 1 (very dissatisfied) to 5 (very satisfied)
    YES_NO = "yes_no"
    TEXT = "text"


class Respondent(StrEnum):
    """Whose view a survey asks for (ISO 10004 7.3: direct measures)."""

    COMPLAINANT = "complainant"
    ORGANISATION = "organisation"


class SurveyStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    EXPIRED = "expired"
