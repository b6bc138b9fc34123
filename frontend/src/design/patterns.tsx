// The portal's page patterns, from the GOV.UK Design System:
// - CheckPage ("check answers", https://design-system.service.gov.uk/patterns/check-answers/):
//   before every step that cannot be undone, what will be sent and its legal effect in plain
//   words, with a way back to change it;
// - Confirmation (https://design-system.service.gov.uk/patterns/confirmation-pages/): after it,
//   the panel, the reference, what happens next and that a receipt is on its way by mail;
// - SuccessBanner: after any other action, a success notification banner that takes focus;
// - ScrollRegion: a wide table that scrolls sideways on a phone, reachable by keyboard;
// - SummaryList: key and value rows (clocks, facts) that stack on a phone.
import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";

/** Focus an element when it first shows (a heading, a banner, an error summary). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

export interface CheckRow {
  key: string;
  value: ReactNode;
}

/** The check step of an irreversible action: rows of what will be sent, the legal effect,
 * a warning-styled confirm button, and "Go back and change" which returns to the form. */
export function CheckPage({
  title,
  caption,
  rows,
  effect,
  confirmLabel,
  busy,
  onConfirm,
  onBack,
  children,
}: {
  title: string;
  caption?: string;
  rows: readonly CheckRow[];
  /** What taking this step means, in plain words (binding? what is given up? what next?). */
  effect: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onBack(): void;
  /** Errors of the step itself (an ErrorSummary), shown above the confirm button. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="parley-check" data-testid="check-page">
      {caption && <span className="govuk-caption-m">{caption}</span>}
      <h2 className="govuk-heading-l" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <SummaryList rows={rows} />
      <h3 className="govuk-heading-m">{t("check.whatThisMeans")}</h3>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <div className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">{t("check.warning")}</span>
          {effect}
        </div>
      </div>
      {children}
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          disabled={busy}
          aria-disabled={busy || undefined}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="govuk-link parley-link-button" onClick={onBack}>
          {t("check.goBack")}
        </button>
      </div>
    </div>
  );
}

/** After an irreversible step: what was done, its reference, what happens next. */
export function Confirmation({
  title,
  reference,
  children,
  receiptMailed = true,
}: {
  title: string;
  reference?: string;
  /** What happens next (paragraphs, a list, links). */
  children: ReactNode;
  receiptMailed?: boolean;
}) {
  const { t } = useI18n();
  const panel = useFocusOnMount<HTMLDivElement>();
  return (
    <div data-testid="confirmation">
      <div className="govuk-panel govuk-panel--confirmation" tabIndex={-1} ref={panel} role="status">
        <h2 className="govuk-panel__title">{title}</h2>
        {reference && (
          <div className="govuk-panel__body">
            {t("confirmation.reference")}
            <br />
            <strong>{reference}</strong>
          </div>
        )}
      </div>
      {receiptMailed && <p className="govuk-body">{t("confirmation.receiptMailed")}</p>}
      <h3 className="govuk-heading-m">{t("confirmation.whatNext")}</h3>
      {children}
    </div>
  );
}

/** After an action that needs no confirmation page: a success banner that takes focus. */
export function SuccessBanner({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useI18n();
  const banner = useFocusOnMount<HTMLDivElement>();
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby={undefined}
      tabIndex={-1}
      ref={banner}
      data-testid="success-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title">{t("banner.success")}</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </div>
  );
}

/** Important information that is not a success (the session is ending, a draft was kept). */
export function ImportantBanner({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="govuk-notification-banner" role="region" aria-label={t("banner.important")}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title">{t("banner.important")}</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </div>
  );
}

/** A region that may scroll sideways (a wide table on a phone): focusable, so a keyboard
 * reaches and scrolls it (axe scrollable-region-focusable), and named for screen readers. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="parley-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** GOV.UK summary list: key-value rows that stack on a phone. */
export function SummaryList({ rows, noBorder }: { rows: readonly CheckRow[]; noBorder?: boolean }) {
  return (
    <dl className={`govuk-summary-list${noBorder ? " govuk-summary-list--no-border" : ""}`}>
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A GOV.UK tag (status, overdue, whose turn). */
export function Tag({
  children,
  colour,
  testId,
}: {
  children: ReactNode;
  colour?: "grey" | "green" | "turquoise" | "blue" | "light-blue" | "purple" | "pink" | "red" | "orange" | "yellow";
  testId?: string;
}) {
  return (
    <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ""}`} data-testid={testId}>
      {children}
    </strong>
  );
}

/** An everyday word with the technical term on request (GOV.UK details). */
export function Explained({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

/** A reporting period's two dates (from, until), inside the caller's form: the management
 * review and the audit report ask for one the same way. `valid` false shows `error` on the
 * first date, as the GOV.UK date pattern does. */
export function PeriodFields({
  idPrefix,
  from,
  until,
  onFrom,
  onUntil,
  valid,
  labels,
}: {
  idPrefix: string;
  from: string;
  until: string;
  onFrom: (value: string) => void;
  onUntil: (value: string) => void;
  valid: boolean;
  labels: { from: string; until: string; error: string };
}) {
  const { t } = useI18n();
  const errorId = `${idPrefix}-period-error`;
  return (
    <>
      <div className={`govuk-form-group${valid ? "" : " govuk-form-group--error"}`}>
        <label className="govuk-label" htmlFor={`${idPrefix}-from`}>
          {labels.from}
        </label>
        {!valid && (
          <p id={errorId} className="govuk-error-message">
            <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {labels.error}
          </p>
        )}
        <input
          id={`${idPrefix}-from`}
          className="govuk-input govuk-input--width-10"
          type="date"
          value={from}
          aria-invalid={valid ? undefined : true}
          aria-describedby={valid ? undefined : errorId}
          onChange={(e) => onFrom(e.target.value)}
        />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${idPrefix}-until`}>
          {labels.until}
        </label>
        <input
          id={`${idPrefix}-until`}
          className="govuk-input govuk-input--width-10"
          type="date"
          value={until}
          onChange={(e) => onUntil(e.target.value)}
        />
      </div>
    </>
  );
}
