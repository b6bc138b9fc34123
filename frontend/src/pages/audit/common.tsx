import { Link } from "wouter";
import { Tag } from "../../design/patterns";
import type { FindingSeverity, FindingStatus } from "../../gql/graphql";
import { useI18n } from "../../i18n";

/** The three audit pages, as GOV.UK's service navigation within the area. */
export function AuditMenu({ current }: { current: "runs" | "findings" | "report" }) {
  const { t } = useI18n();
  const items = [
    { key: "runs", href: "/audit", label: t("audit.nav.runs") },
    { key: "findings", href: "/audit/findings", label: t("audit.nav.findings") },
    { key: "report", href: "/audit/report", label: t("audit.nav.report") },
  ] as const;
  return (
    <nav aria-label={t("audit.menu")} className="govuk-!-margin-bottom-6">
      <ul className="govuk-list parley-audit-menu">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              className="govuk-link govuk-link--no-visited-state"
              aria-current={item.key === current ? "page" : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const SEVERITY_COLOUR = { LOW: "grey", MEDIUM: "yellow", HIGH: "red" } as const;
const STATUS_COLOUR = { OPEN: "orange", FOLLOWED_UP: "blue", CLOSED: "green" } as const;

export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  const { label } = useI18n();
  return <Tag colour={SEVERITY_COLOUR[severity]}>{label("audit.severity", severity)}</Tag>;
}

export function FindingStatusTag({ status }: { status: FindingStatus }) {
  const { label } = useI18n();
  return (
    <Tag colour={STATUS_COLOUR[status]} testId="finding-status">
      {label("audit.findingStatus", status)}
    </Tag>
  );
}
