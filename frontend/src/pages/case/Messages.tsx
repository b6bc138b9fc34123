import { useEffect, useMemo, useRef, useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { Loading, RequestError, UserErrors } from "../../components/Status";
import {
  CaseFileDocument,
  MarkMessagesReadDocument,
  PostMessageDocument,
  type Visibility,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { writableScopes } from "../../lib/scopes";

/** Messages per scope: one tab per scope the viewer reads or writes; shown ones are marked read. */
export function Messages({ caseId }: { caseId: string }) {
  const { t, label, dateTime } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CaseFileDocument,
    variables: { id: caseId },
    requestPolicy: "cache-and-network",
  });
  const [, markRead] = useMutation(MarkMessagesReadDocument);
  const [posted, post] = useMutation(PostMessageDocument);
  const [body, setBody] = useState("");
  const messages = useMemo(
    () => [...(data?.case.messages.edges.map((edge) => edge.node) ?? [])].reverse(),
    [data],
  );
  const writable = writableScopes(data?.case.viewerRoles ?? []);
  const scopes = [...new Set([...writable, ...messages.map((m) => m.visibility)])];
  const [scope, setScope] = useState<Visibility>("ALL_PARTIES");
  const shown = messages.filter((m) => m.visibility === scope);
  const [key] = useState(() => crypto.randomUUID());
  const [sent, setSent] = useState(0);

  const marked = useRef(new Set<string>());
  useEffect(() => {
    const unread = shown
      .filter((m) => !m.readByViewer && !m.author?.isViewer && !marked.current.has(m.id))
      .map((m) => m.id);
    if (unread.length === 0) return;
    unread.forEach((id) => marked.current.add(id));
    void markRead({ caseId, messageIds: unread });
  }, [shown, caseId, markRead]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await post({ caseId, body, visibility: scope, idempotencyKey: `${key}-${sent}` });
    if (result.data?.postMessage.message) {
      setBody("");
      setSent((n) => n + 1);
      refetch({ requestPolicy: "network-only" });
    }
  }

  return (
    <section aria-labelledby="messages-heading" className="panel">
      <h2 id="messages-heading">{t("messages.title")}</h2>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {scopes.length > 1 && (
        <div role="group" aria-label={t("messages.scope")} className="segmented">
          {scopes.map((s) => (
            <button key={s} type="button" aria-pressed={scope === s} onClick={() => setScope(s)}>
              {label("visibility", s)} ({messages.filter((m) => m.visibility === s).length})
            </button>
          ))}
        </div>
      )}
      {data && shown.length === 0 && <p>{t("messages.none")}</p>}
      <ol className="messages">
        {shown.map((message) => (
          <li key={message.id} className={message.author?.isViewer ? "mine" : undefined}>
            <p className="muted">
              {message.author?.displayName ?? label("role", message.authorRole)} ·{" "}
              {dateTime(message.createdAt)}
            </p>
            <p className="prose">{message.body}</p>
          </li>
        ))}
      </ol>
      {writable.includes(scope) && (
        <form onSubmit={submit} className="stack">
          <label>
            {t("messages.write", { scope: label("visibility", scope) })}
            <textarea required rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <UserErrors errors={posted.data?.postMessage.userErrors} />
          <RequestError error={posted.error} />
          <button type="submit" disabled={posted.fetching}>
            {t("messages.send")}
          </button>
        </form>
      )}
    </section>
  );
}
