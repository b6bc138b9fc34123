import type { ReactNode } from "react";

/** A folded section of the case page (GOV.UK details), as CasePage folds its own: on a phone the
 * page is its next step first, the rest one tap away. The section inside keeps its heading for
 * screen readers (visually hidden: the summary already says it). */
export function Fold({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="govuk-details parley-fold">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{title}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
