// The auditor's pages (issue 19 E): a chunk of their own, loaded only when an auditor opens one.
import "../staff.css";

export { AuditRuns } from "./audit/AuditRuns";
export { AuditFindings, NewAuditFinding } from "./audit/AuditFindings";
export { AuditFindingPage } from "./audit/AuditFindingPage";
export { AuditReport } from "./audit/AuditReport";
