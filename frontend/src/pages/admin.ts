// The administration chunk: the installation admins' pages (and the audit log, which auditors
// read too). Loaded only when one of them is opened (routes.ts).
export { AdminAuditLog } from "./admin/AuditLog";
export { AdminErasureRequests } from "./admin/Erasure";
export { AdminOrganisation } from "./admin/Organisation";
export { AdminOrganisations } from "./admin/Organisations";
export { AdminProvider } from "./admin/Provider";
export { AdminProviders } from "./admin/Providers";
export { AdminScheme } from "./admin/Scheme";
export { AdminOrganisationTeam, AdminProviderTeam } from "./admin/Team";
