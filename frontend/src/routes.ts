// Every page of the portal, who may open it, and the navigation built from the same table.
// To add a page: write it under pages/, add a row to ROUTES (and to NAV if it belongs in the
// menu), and its strings to both catalogues.
import type { ComponentType } from "react";
import type { Role } from "./gql/graphql";
import type { MessageKey } from "./i18n";
import { hasRole, isConsumer, type Viewer } from "./lib/auth";
import { SignIn } from "./pages/SignIn";
import { Survey } from "./pages/Survey";
import { MyDisputes } from "./pages/consumer/MyDisputes";
import { MyComplaints } from "./pages/consumer/MyComplaints";
import { FileComplaint } from "./pages/consumer/FileComplaint";
import { Escalate } from "./pages/consumer/Escalate";
import { CasePage } from "./pages/case/CasePage";
import { CaseList } from "./pages/CaseList";
import { AssignedCases } from "./pages/neutral/AssignedCases";
import { Inbox } from "./pages/organisation/Inbox";
import { ManagementReview } from "./pages/organisation/ManagementReview";
import { IntakeQueue } from "./pages/provider/IntakeQueue";
import { Transparency } from "./pages/public/Transparency";
import { Integrations } from "./pages/integrations/Integrations";
import { CreateClient, DisableClient, RotateClient } from "./pages/integrations/ClientPages";
import { CreateWebhook, WebhookDetail } from "./pages/integrations/WebhookPages";
import "./staff.css";

/** public: anyone; signedIn: any person signed in; consumer: a person with no staff role;
 * a list of roles: someone holding one of them. */
export type Access = "public" | "signedIn" | "consumer" | readonly Role[];

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
  { path: "/complaints/new", component: FileComplaint, access: "consumer" },
  { path: "/complaints/:id/escalate", component: Escalate, access: "consumer" },
  { path: "/cases", component: CaseList, access: "signedIn" },
  { path: "/cases/:id", component: CasePage, access: "signedIn" },
  { path: "/neutral/cases", component: AssignedCases, access: ["NEUTRAL"] },
  { path: "/organisation/inbox", component: Inbox, access: ["ORG_AGENT", "ORG_MANAGER"] },
  { path: "/organisation/review", component: ManagementReview, access: ["ORG_MANAGER", "AUDITOR", "ADMIN"] },
  { path: "/provider/intake", component: IntakeQueue, access: ["PROVIDER_CASEWORKER"] },
  { path: "/transparency/:slug", component: Transparency, access: "public" },
  { path: "/integrations", component: Integrations, access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  { path: "/integrations/:owner/clients/new", component: CreateClient, access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  { path: "/integrations/clients/:id/rotate", component: RotateClient, access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  { path: "/integrations/clients/:id/disable", component: DisableClient, access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  { path: "/integrations/:owner/webhooks/new", component: CreateWebhook, access: ["ORG_MANAGER"] },
  { path: "/integrations/webhooks/:id", component: WebhookDetail, access: ["ORG_MANAGER"] },
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
  { href: "/organisation/inbox", label: "nav.inbox", access: ["ORG_AGENT", "ORG_MANAGER"] },
  { href: "/neutral/cases", label: "nav.assigned", access: ["NEUTRAL"] },
  { href: "/organisation/review", label: "nav.review", access: ["ORG_MANAGER", "AUDITOR"] },
  { href: "/integrations", label: "nav.integrations", access: ["ORG_MANAGER", "PROVIDER_CASEWORKER"] },
  // Staff: every case they may see. Each role's own pages go above this entry, so that `/`
  // leads there first.
  { href: "/cases", label: "nav.cases", access: STAFF },
];

export function mayOpen(access: Access, status: string, viewer: Viewer | null): boolean {
  if (access === "public") return true;
  if (status !== "signedIn" || !viewer) return false;
  if (access === "signedIn") return true;
  if (access === "consumer") return isConsumer(viewer);
  return hasRole(viewer, ...access);
}

/** Where `/` leads a signed-in person: the first menu entry they may open. */
export function homeFor(viewer: Viewer | null): string {
  return NAV.find((item) => mayOpen(item.access, "signedIn", viewer))?.href ?? "/cases";
}
