// The record access log's review for auditors and admins (issue 19, 3): a chunk of its own with
// the staff stylesheet (its filter bar), never downloaded by a consumer.
import "../staff.css";

export { AccessLogReview } from "./audit/AccessLog";
