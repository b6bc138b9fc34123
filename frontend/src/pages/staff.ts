// The staff chunk: the neutral's, organisation's and provider's pages and the case page's staff
// forms, with their stylesheet. Loaded only when one of them is opened (routes.ts) or when the
// viewer has a staff role on a case (case/CasePage.tsx): a consumer never downloads it (the
// end-to-end test tests/e2e/test_weight.py checks against the build's manifest).
import "../staff.css";

export { AssignedCases } from "./neutral/AssignedCases";
export { NeutralCaseFile } from "./neutral/CaseFile";
export { ComplaintPage } from "./organisation/ComplaintPage";
export { ComplaintList, Inbox } from "./organisation/Inbox";
export { RecordComplaint } from "./organisation/RecordComplaint";
export { IntakeQueue } from "./provider/IntakeQueue";
export { AutomatedReviewQueue } from "./provider/AutomatedReviewQueue";
export { StaffActionPanels, StaffDoneNotice } from "./case/staffActions";
