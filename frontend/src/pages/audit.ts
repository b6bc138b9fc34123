// The auditor's pages (issue 19): runs, findings and the period report (E), and the record
// access log's review for auditors and admins (3). A chunk of their own with the staff
// stylesheet, loaded only when one of them is opened; never downloaded by a consumer.
import "../staff.css";

export { AuditRuns } from "./audit/AuditRuns";
export { AuditFindings, NewAuditFinding } from "./audit/AuditFindings";
export { AuditFindingPage } from "./audit/AuditFindingPage";
export { AuditReport } from "./audit/AuditReport";
export { AccessLogReview } from "./audit/AccessLog";
