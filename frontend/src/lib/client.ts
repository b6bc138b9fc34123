// One urql client: queries and mutations over HTTP with the bearer token, subscriptions over
// graphql-transport-ws with the token in `connection_init` (portal/api/websocket.py).
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "urql";
import { createClient as createWsClient } from "graphql-ws";
import { accessTokenForRequest, authorisedFetch } from "./session";

export function createPortalClient(): Client {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = createWsClient({
    url: `${scheme}//${location.host}/graphql`,
    lazy: true,
    // The server closes with 4403 when the token expires: reconnect with a fresh one, and
    // subscriptions resume (caseEvents with afterSequence replays what was missed).
    connectionParams: async () => ({ accessToken: await accessTokenForRequest() }),
    shouldRetry: () => true,
    retryAttempts: 1000,
  });
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    fetch: authorisedFetch,
    // Required for multipart requests (QUALITY.md: uploads are CSRF-protected by a preflight);
    // harmless on the others.
    fetchOptions: { headers: { "GraphQL-Require-Preflight": "1" } },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || "" };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
