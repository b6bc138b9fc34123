// The record tools on the case page (issue 16, deliverable 9): a representative (for the
// complainant's side), the case bundle, receipts of the case record and the fairness view,
// each folded as CasePage folds its sections. CasePage renders them with one line:
// `<RecordTools item={item} onDone={refresh} />`. Documents and Messages (../Documents.tsx,
// ../Messages.tsx) stay where CasePage puts them; OfferExpiry is for Offers.tsx.
import { useI18n } from "../../../i18n";
import type { CaseData } from "../CasePage";
import { Bundle } from "./Bundle";
import { Fairness } from "./Fairness";
import { Fold } from "./Fold";
import { Receipts } from "./Receipts";
import { Representative } from "./Representative";

export { OfferExpiry } from "./OfferExpiry";

export function RecordTools({ item, onDone }: { item: CaseData; onDone(): void }) {
  const { t } = useI18n();
  return (
    <>
      <Representative
        caseId={item.id}
        viewerRoles={item.viewerRoles}
        recordLength={item.timelineHead.sequence}
        onDone={onDone}
      />
      <Fold title={t("bundle.title")}>
        <Bundle caseId={item.id} />
      </Fold>
      <Fold title={t("receipts.title")}>
        <Receipts item={item} />
      </Fold>
      <Fold title={t("fairness.title")}>
        <Fairness caseId={item.id} />
      </Fold>
    </>
  );
}
