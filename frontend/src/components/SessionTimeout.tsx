// The timeout warning (GOV.UK / HMRC "timeout warning" pattern): a few minutes before the
// sign-in ends unless it is used (lib/session.ts `sessionEndsAt`, from the server's refresh
// token lifetime), an accessible modal dialog says so and offers "Stay signed in". When the
// time is up the session ends here: open forms keep their text as drafts (design/forms.tsx), and
// signing in again comes back to the page (`next=`).
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n";
import { clearSession, refreshSession, sessionEndsAt } from "../lib/session";

/** How long before the end the warning shows. */
export const WARN_MS = 5 * 60_000;

export function SessionTimeout({ onSignOut }: { onSignOut(): void }) {
  const { t, number } = useI18n();
  const [left, setLeft] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const tick = () => {
      const ends = sessionEndsAt();
      if (ends === null) return setLeft(null);
      const remaining = ends - Date.now();
      if (remaining <= 0) {
        setLeft(null);
        clearSession();
      } else setLeft(remaining <= WARN_MS ? remaining : null);
    };
    tick();
    const timer = window.setInterval(tick, 10_000);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, []);

  const open = left !== null;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      stay.current?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);

  const minutes = Math.max(1, Math.ceil((left ?? 0) / 60_000));
  return (
    <dialog
      ref={dialog}
      className="parley-timeout"
      aria-labelledby="timeout-heading"
      aria-describedby="timeout-text"
      data-testid="session-timeout"
      onCancel={(event) => {
        // Escape means "stay", as in the pattern: the person is here.
        event.preventDefault();
        void refreshSession().then(() => setLeft(null));
      }}
    >
      <h2 id="timeout-heading" className="govuk-heading-m">
        {t("timeout.title")}
      </h2>
      <p id="timeout-text" className="govuk-body" aria-live="polite">
        {t("timeout.text", { minutes: number(minutes) })}
      </p>
      <p className="govuk-body">{t("timeout.kept")}</p>
      <div className="govuk-button-group">
        <button
          ref={stay}
          type="button"
          className="govuk-button"
          onClick={() => void refreshSession().then(() => setLeft(null))}
        >
          {t("timeout.stay")}
        </button>
        <button type="button" className="govuk-link parley-link-button" onClick={onSignOut}>
          {t("layout.signOut")}
        </button>
      </div>
    </dialog>
  );
}
