import { Tag } from "../../design/patterns";
import type { FindingSeverity, FindingStatus } from "../../gql/graphql";
import { useI18n } from "../../i18n";

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
