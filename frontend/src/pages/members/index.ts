// The pages of running a team, a provider's profile and roster, an organisation's surveys and
// commitments: one chunk, loaded when one of them is first opened (routes.ts).
export { AcceptInvitation } from "./AcceptInvitation";
export { Commitments } from "./Commitments";
export { ProviderProfile } from "./ProviderProfile";
export { Roster } from "./Roster";
export { SurveyPolicy } from "./SurveyPolicy";
export { OrganisationTeam, ProviderTeam } from "./Team";
