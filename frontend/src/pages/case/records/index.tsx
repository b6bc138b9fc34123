// The record tools on the case page (issue 16, deliverable 9): the case bundle, receipts of
// the case record, the fairness view, and (for the complainant) a representative. CasePage
// renders them with one line: `<RecordTools item={item} onDone={refresh} />`. Documents and
// Messages (../Documents.tsx, ../Messages.tsx) stay where CasePage puts them.
import type { CaseData } from "../CasePage";
import { Bundle } from "./Bundle";
import { Fairness } from "./Fairness";
import { Receipts } from "./Receipts";
import { Representative } from "./Representative";

export { OfferExpiry } from "./OfferExpiry";

export function RecordTools({ item, onDone }: { item: CaseData; onDone(): void }) {
  return (
    <>
      <Representative caseId={item.id} viewerRoles={item.viewerRoles} onDone={onDone} />
      <Bundle caseId={item.id} />
      <Receipts item={item} />
      <Fairness caseId={item.id} />
    </>
  );
}
