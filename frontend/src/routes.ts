// Every page of the portal, who may open it, and the navigation built from the same table.
// To add a page: write it under pages/, add a row to ROUTES (and to NAV if it belongs in the
// menu), and its strings to both catalogues.
import type { ComponentType } from "react";
import type { Role } from "./gql/graphql";
import type { MessageKey } from "./i18n";
import { hasRole, isConsumer, type Viewer } from "./lib/auth";
import { lazyNamed as page } from "./lib/lazyPage";

// Each page is loaded when first opened (app.tsx shows Loading meanwhile) and is a chunk of its
// own; the staff pages are one chunk with their stylesheet (pages/staff.ts), so that a consumer
// never downloads them.
const SignIn = page(() => import("./pages/SignIn"), "SignIn");
const Survey = page(() => import("./pages/Survey"), "Survey");
const MyDisputes = page(() => import("./pages/consumer/MyDisputes"), "MyDisputes");
const MyComplaints = page(() => import("./pages/consumer/MyComplaints"), "MyComplaints");
const FileComplaint = page(() => import("./pages/consumer/FileComplaint"), "FileComplaint");
const Escalate = page(() => import("./pages/consumer/Escalate"), "Escalate");
const CasePage = page(() => import("./pages/case/CasePage"), "CasePage");
const CaseList = page(() => import("./pages/CaseList"), "CaseList");
const AssignedCases = page(() => import("./pages/staff"), "AssignedCases");
const Inbox = page(() => import("./pages/staff"), "Inbox");
const ComplaintList = page(() => import("./pages/staff"), "ComplaintList");
const RecordComplaint = page(() => import("./pages/staff"), "RecordComplaint");
const ComplaintPage = page(() => import("./pages/staff"), "ComplaintPage");
const IntakeQueue = page(() => import("./pages/staff"), "IntakeQueue");
const AutomatedReviewQueue = page(() => import("./pages/staff"), "AutomatedReviewQueue");
const ManagementReview = page(() => import("./pages/review"), "ManagementReview");
const Transparency = page(() => import("./pages/transparency"), "Transparency");
const Integrations = page(() => import("./pages/integrations"), "Integrations");
const CreateClient = page(() => import("./pages/integrations"), "CreateClient");
const RotateClient = page(() => import("./pages/integrations"), "RotateClient");
const DisableClient = page(() => import("./pages/integrations"), "DisableClient");
const CreateWebhook = page(() => import("./pages/integrations"), "CreateWebhook");
const WebhookDetail = page(() => import("./pages/integrations"), "WebhookDetail");
const SignUp = page(() => import("./pages/account/SignUp"), "SignUp");
const Setup = page(() => import("./pages/account/Setup"), "Setup");
const Claim = page(() => import("./pages/account/Claim"), "Claim");
const Preferences = page(() => import("./pages/account/Preferences"), "Preferences");
const RecordReads = page(() => import("./pages/account/RecordReads"), "RecordReads");
const AccessLogReview = page(() => import("./pages/audit"), "AccessLogReview");
const AdminOrganisations = page(() => import("./pages/admin"), "AdminOrganisations");
const AdminOrganisation = page(() => import("./pages/admin"), "AdminOrganisation");
const AdminProviders = page(() => import("./pages/admin"), "AdminProviders");
const AdminProvider = page(() => import("./pages/admin"), "AdminProvider");
const AdminScheme = page(() => import("./pages/admin"), "AdminScheme");
const AdminAuditLog = page(() => import("./pages/admin"), "AdminAuditLog");
const AdminErasureRequests = page(() => import("./pages/admin"), "AdminErasureRequests");
const AdminOrganisationTeam = page(() => import("./pages/admin"), "AdminOrganisationTeam");
const AdminProviderTeam = page(() => import("./pages/admin"), "AdminProviderTeam");
const AcceptRepresentation = page(
  () => import("./pages/case/records/AcceptRepresentation"),
  "AcceptRepresentation",
);
const Directory = page(() => import("./pages/public/Directory"), "Directory");
const ProviderProfile = page(() => import("./pages/public/ProviderProfile"), "ProviderProfile");
const OrganisationTeam = page(() => import("./pages/members"), "OrganisationTeam");
const ProviderTeam = page(() => import("./pages/members"), "ProviderTeam");
const AcceptInvitation = page(() => import("./pages/members"), "AcceptInvitation");
const ProviderProfileEditor = page(() => import("./pages/members"), "ProviderProfile");
const Roster = page(() => import("./pages/members"), "Roster");
const SurveyPolicy = page(() => import("./pages/members"), "SurveyPolicy");
const Commitments = page(() => import("./pages/members"), "Commitments");
const AuditRuns = page(() => import("./pages/audit"), "AuditRuns");
const AuditFindings = page(() => import("./pages/audit"), "AuditFindings");
const NewAuditFinding = page(() => import("./pages/audit"), "NewAuditFinding");
const AuditFindingPage = page(() => import("./pages/audit"), "AuditFindingPage");
const AuditReport = page(() => import("./pages/audit"), "AuditReport");

/** public: anyone; signedIn: any person signed in; consumer: a person with no staff role;
 * consumerOrNewcomer: a consumer, or someone not signed in yet (the page offers sign-up, so
 * that a first complaint is one journey); a list of roles: someone holding one of them. */
export type Access = "public" | "signedIn" | "consumer" | "consumerOrNewcomer" | readonly Role[];

export interface PageRoute {
  path: string;
  // Pages get the route's parameters (wouter) as props.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: ComponentType<any>;
  access: Access;
}

export const ROUTES: PageRoute[] = [
  { path: "/sign-in", component: SignIn, access: "public" },
  { path: "/survey", component: Survey, access: "public" },
  { path: "/disputes", component: MyDisputes, access: "consumer" },
  { path: "/complaints", component: MyComplaints, access: "consumer" },
  { path: "/complaints/new", component: FileComplaint, access: "consumerOrNewcomer" },
  { path: "/complaints/:id/escalate", component: Escalate, access: "consumer" },
  { path: "/account", component: Preferences, access: "signedIn" },
  { path: "/account/reads", component: RecordReads, access: "signedIn" },
  { path: "/cases", component: CaseList, access: "signedIn" },
  { path: "/cases/:id", component: CasePage, access: "signedIn" },
  { path: "/neutral/cases", component: AssignedCases, access: ["NEUTRAL"] },
  { path: "/organisation/inbox", component: Inbox, access: ["ORG_AGENT", "ORG_MANAGER"] },
  { path: "/organisation/complaints", component: ComplaintList, access: ["ORG_AGENT", "ORG_MANAGER"] },
  // Before `:id`: the first route that matches is the page.
  { path: "/organisation/complaints/new", component: RecordComplaint, access: ["ORG_AGENT", "ORG_MANAGER"] },
  { path: "/organisation/complaints/:id", component: ComplaintPage, access: ["ORG_AGENT", "ORG_MANAGER"] },
  { path: "/organisation/review", component: ManagementReview, access: ["ORG_MANAGER", "AUDITOR", "ADMIN"] },
  { path: "/provider/intake", component: IntakeQueue, access: ["PROVIDER_CASEWORKER"] },
  { path: "/provider/automated-reviews", component: AutomatedReviewQueue, access: ["PROVIDER_CASEWORKER"] },
  { path: "/transparency/:slug", component: Transparency, access: "public" },
  { path: "/integrations", component: Integrations, access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  { path: "/integrations/:owner/clients/new", component: CreateClient, access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  { path: "/integrations/clients/:id/rotate", component: RotateClient, access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  { path: "/integrations/clients/:id/disable", component: DisableClient, access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  { path: "/integrations/:owner/webhooks/new", component: CreateWebhook, access: ["ORG_MANAGER"] },
  { path: "/integrations/webhooks/:id", component: WebhookDetail, access: ["ORG_MANAGER"] },
  { path: "/sign-up", component: SignUp, access: "public" },
  { path: "/setup", component: Setup, access: "public" },
  { path: "/claim", component: Claim, access: "public" },
  { path: "/admin/organisations", component: AdminOrganisations, access: ["ADMIN"] },
  { path: "/admin/organisations/:id", component: AdminOrganisation, access: ["ADMIN"] },
  { path: "/admin/organisations/:id/team", component: AdminOrganisationTeam, access: ["ADMIN"] },
  { path: "/admin/providers", component: AdminProviders, access: ["ADMIN"] },
  { path: "/admin/providers/:id", component: AdminProvider, access: ["ADMIN"] },
  { path: "/admin/providers/:id/team", component: AdminProviderTeam, access: ["ADMIN"] },
  { path: "/admin/providers/:id/schemes/:scheme", component: AdminScheme, access: ["ADMIN"] },
  { path: "/admin/audit", component: AdminAuditLog, access: ["ADMIN", "AUDITOR"] },
  { path: "/audit", component: AuditRuns, access: ["AUDITOR"] },
  { path: "/audit/findings", component: AuditFindings, access: ["AUDITOR"] },
  // Before `:id`: the first route that matches is the page.
  { path: "/audit/findings/new", component: NewAuditFinding, access: ["AUDITOR"] },
  { path: "/audit/findings/:id", component: AuditFindingPage, access: ["AUDITOR"] },
  { path: "/audit/report", component: AuditReport, access: ["AUDITOR"] },
  { path: "/audit/access", component: AccessLogReview, access: ["AUDITOR", "ADMIN"] },
  { path: "/admin/erasure", component: AdminErasureRequests, access: ["ADMIN"] },
  // Public: the mailed link's #token survives no sign-in redirect; the page asks to sign in.
  { path: "/representative-invitation", component: AcceptRepresentation, access: "public" },
  { path: "/providers", component: Directory, access: "public" },
  { path: "/providers/:slug", component: ProviderProfile, access: "public" },
  { path: "/organisation/team", component: OrganisationTeam, access: ["ORG_MANAGER"] },
  { path: "/organisation/surveys", component: SurveyPolicy, access: ["ORG_MANAGER"] },
  { path: "/organisation/commitments", component: Commitments, access: ["ORG_MANAGER"] },
  { path: "/provider/team", component: ProviderTeam, access: ["PROVIDER_CASEWORKER"] },
  { path: "/provider/profile", component: ProviderProfileEditor, access: ["PROVIDER_CASEWORKER"] },
  { path: "/provider/roster", component: Roster, access: ["PROVIDER_CASEWORKER"] },
  // Public: the page itself asks the invitee to sign in, keeping the link's token.
  { path: "/invitations/accept", component: AcceptInvitation, access: "public" },
];

const STAFF: readonly Role[] = [
  "ORG_AGENT",
  "ORG_MANAGER",
  "PROVIDER_CASEWORKER",
  "NEUTRAL",
  "AUDITOR",
  "ADMIN",
];

export interface NavItem {
  href: string;
  label: MessageKey;
  access: Access;
}

export const NAV: NavItem[] = [
  { href: "/disputes", label: "nav.myDisputes", access: "consumer" },
  { href: "/complaints", label: "nav.myComplaints", access: "consumer" },
  { href: "/complaints/new", label: "nav.fileComplaint", access: "consumer" },
  { href: "/provider/intake", label: "nav.intake", access: ["PROVIDER_CASEWORKER"] },
  { href: "/provider/automated-reviews", label: "nav.automatedReviews", access: ["PROVIDER_CASEWORKER"] },
  { href: "/organisation/inbox", label: "nav.inbox", access: ["ORG_AGENT", "ORG_MANAGER"] },
  { href: "/neutral/cases", label: "nav.assigned", access: ["NEUTRAL"] },
  { href: "/audit", label: "audit.nav.runs", access: ["AUDITOR"] },
  { href: "/audit/findings", label: "audit.nav.findings", access: ["AUDITOR"] },
  { href: "/audit/report", label: "audit.nav.report", access: ["AUDITOR"] },
  { href: "/organisation/review", label: "nav.review", access: ["ORG_MANAGER", "AUDITOR"] },
  { href: "/integrations", label: "nav.integrations", access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  { href: "/admin/organisations", label: "nav.adminOrganisations", access: ["ADMIN"] },
  { href: "/admin/providers", label: "nav.adminProviders", access: ["ADMIN"] },
  { href: "/admin/audit", label: "nav.adminAudit", access: ["ADMIN", "AUDITOR"] },
  { href: "/audit/access", label: "accessLog.nav", access: ["AUDITOR", "ADMIN"] },
  { href: "/admin/erasure", label: "nav.adminErasure", access: ["ADMIN"] },
  { href: "/organisation/team", label: "nav.team", access: ["ORG_MANAGER"] },
  { href: "/organisation/surveys", label: "nav.surveyPolicy", access: ["ORG_MANAGER"] },
  { href: "/organisation/commitments", label: "nav.commitments", access: ["ORG_MANAGER"] },
  { href: "/provider/team", label: "nav.providerTeam", access: ["PROVIDER_CASEWORKER"] },
  { href: "/provider/profile", label: "nav.providerProfile", access: ["PROVIDER_CASEWORKER"] },
  { href: "/provider/roster", label: "nav.roster", access: ["PROVIDER_CASEWORKER"] },
  // Staff: every case they may see. Each role's own pages go above this entry, so that `/`
  // leads there first.
  { href: "/cases", label: "nav.cases", access: STAFF },
];

export function mayOpen(access: Access, status: string, viewer: Viewer | null): boolean {
  if (access === "public") return true;
  if (access === "consumerOrNewcomer" && status !== "signedIn") return true;
  if (status !== "signedIn" || !viewer) return false;
  if (access === "consumerOrNewcomer") return isConsumer(viewer);
  if (access === "signedIn") return true;
  if (access === "consumer") return isConsumer(viewer);
  return hasRole(viewer, ...access);
}

/** Where `/` leads a signed-in person: the first menu entry they may open. */
export function homeFor(viewer: Viewer | null): string {
  return NAV.find((item) => mayOpen(item.access, "signedIn", viewer))?.href ?? "/cases";
}
