// The integrations chunk: an organisation's or provider's clients and webhook subscriptions,
// for their managers, with the staff stylesheet. Loaded only when one of its pages is opened
// (routes.ts).
import "../staff.css";

export { Integrations } from "./integrations/Integrations";
export { CreateClient, DisableClient, RotateClient } from "./integrations/ClientPages";
export { CreateWebhook, WebhookDetail } from "./integrations/WebhookPages";
