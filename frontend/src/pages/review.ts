// The management review and its charts: a chunk of its own, so that the staff who never open
// it (neutrals, caseworkers, agents) do not download the charts either.
import "../staff.css";

export { ManagementReview } from "./organisation/ManagementReview";
