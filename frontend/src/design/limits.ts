// Text limits the server enforces, so a form can count characters and say the limit before
// sending. The server stays the authority; tests/test_frontend.py compares these numbers with
// the server's constants, so they cannot drift apart.
export const LIMITS = {
  /** portal/complaints/services.py MAX_SUBJECT: a complaint's subject. */
  subject: 200,
  /** portal/cases/inputs.py MAX_TEXT: any longer text (descriptions, reasons, messages). */
  text: 20_000,
  /** portal/complaints/services.py MAX_NAME: a person's name. */
  name: 200,
  /** portal/commitments/services.py MAX_WORDING: a commitment's public wording, per language. */
  commitmentWording: 2_000,
} as const;
