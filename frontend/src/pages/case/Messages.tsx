import { useEffect, useMemo, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, SubmitButton, Textarea, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { SuccessBanner } from "../../design/patterns";
import {
  CaseFileDocument,
  MarkMessagesReadDocument,
  PostMessageDocument,
  ReplyToMessageDocument,
  type CaseFileQuery,
  type Visibility,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { writableScopes } from "../../lib/scopes";

type CaseMessage = NonNullable<CaseFileQuery["case"]>["messages"]["edges"][number]["node"];

/** Messages per scope (one button per scope the viewer reads or writes), oldest first, each
 * reply under the message it answers; a reply form under any message; what is typed into the
 * composer or a reply is kept as a draft in this browser until it is sent. Shown messages are
 * marked read. */
export function Messages({ caseId }: { caseId: string }) {
  const { t, label } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CaseFileDocument,
    variables: { id: caseId },
    requestPolicy: "cache-and-network",
  });
  const [, markRead] = useMutation(MarkMessagesReadDocument);
  const messages = useMemo(() => [...(data?.case?.messages.edges.map((edge) => edge.node) ?? [])].reverse(), [data]);
  const writable = writableScopes(data?.case?.viewerRoles ?? []);
  const scopes = [...new Set([...writable, ...messages.map((m) => m.visibility)])];
  const [scope, setScope] = useState<Visibility>("ALL_PARTIES");
  const shown = useMemo(() => messages.filter((m) => m.visibility === scope), [messages, scope]);
  const [sent, setSent] = useState<{ n: number; reply: boolean } | null>(null);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);

  const marked = useRef(new Set<string>());
  useEffect(() => {
    const unread = shown
      .filter((m) => !m.readByViewer && !m.author?.isViewer && !marked.current.has(m.id))
      .map((m) => m.id);
    if (unread.length === 0) return;
    unread.forEach((id) => marked.current.add(id));
    void markRead({ caseId, messageIds: unread });
  }, [shown, caseId, markRead]);

  // Threads: a reply sits under the message it answers (when that one is shown here too).
  const { roots, replies } = useMemo(() => {
    const ids = new Set(shown.map((m) => m.id));
    const byParent = new Map<string, CaseMessage[]>();
    const top: CaseMessage[] = [];
    for (const message of shown) {
      if (message.replyToId && ids.has(message.replyToId)) {
        byParent.set(message.replyToId, [...(byParent.get(message.replyToId) ?? []), message]);
      } else top.push(message);
    }
    return { roots: top, replies: byParent };
  }, [shown]);

  function done(reply: boolean) {
    setSent((old) => ({ n: (old?.n ?? 0) + 1, reply }));
    setReplyingTo(null);
    refetch({ requestPolicy: "network-only" });
  }

  const canWrite = writable.includes(scope);
  const thread = (message: CaseMessage) => (
    <MessageItem
      key={message.id}
      message={message}
      caseId={caseId}
      replies={replies}
      canReply={canWrite}
      replyingTo={replyingTo}
      onReply={setReplyingTo}
      onSent={() => done(true)}
    />
  );

  return (
    <section aria-labelledby="messages-heading" className="parley-section" data-testid="messages">
      <h2 id="messages-heading" className="govuk-visually-hidden">
        {t("messages.title")}
      </h2>
      {sent && (
        <SuccessBanner key={sent.n} title={sent.reply ? t("messages.replySent") : t("messages.sent")} />
      )}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {scopes.length > 1 && (
        <div role="group" aria-label={t("messages.scope")} className="govuk-button-group">
          {scopes.map((s) => (
            <button
              key={s}
              type="button"
              className={`govuk-button${scope === s ? "" : " govuk-button--secondary"}`}
              aria-pressed={scope === s}
              onClick={() => {
                setScope(s);
                setReplyingTo(null);
              }}
            >
              {label("visibility", s)} ({messages.filter((m) => m.visibility === s).length})
            </button>
          ))}
        </div>
      )}
      {data && shown.length === 0 && <p className="govuk-body">{t("messages.none")}</p>}
      <ol className="govuk-list messages">{roots.map(thread)}</ol>
      {canWrite && <Composer key={scope} caseId={caseId} scope={scope} onSent={() => done(false)} />}
    </section>
  );
}

function MessageItem({
  message,
  caseId,
  replies,
  canReply,
  replyingTo,
  onReply,
  onSent,
}: {
  message: CaseMessage;
  caseId: string;
  replies: Map<string, CaseMessage[]>;
  canReply: boolean;
  replyingTo: string | null;
  onReply(id: string | null): void;
  onSent(): void;
}) {
  const { t, label, dateTime } = useI18n();
  const author = message.author?.displayName ?? label("role", message.authorRole);
  const answers = replies.get(message.id) ?? [];
  const open = replyingTo === message.id;
  return (
    <li className="govuk-!-margin-bottom-4" data-testid="message" data-message-id={message.id}>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        <strong>{message.author?.isViewer ? t("messages.you") : author}</strong> · {dateTime(message.createdAt)}
      </p>
      <p className="govuk-body parley-prose govuk-!-margin-bottom-1">{message.body}</p>
      {canReply && !open && (
        <button type="button" className="govuk-link parley-link-button govuk-body-s" onClick={() => onReply(message.id)}>
          {t("messages.reply")}
          <span className="govuk-visually-hidden"> {t("messages.replyTo", { name: author, date: dateTime(message.createdAt) })}</span>
        </button>
      )}
      {open && <ReplyForm caseId={caseId} message={message} author={author} onSent={onSent} onCancel={() => onReply(null)} />}
      {answers.length > 0 && (
        <div className="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-2">
          <ol className="govuk-list" aria-label={t("messages.repliesTo", { name: author })} data-testid="replies">
            {answers.map((answer) => (
              <MessageItem
                key={answer.id}
                message={answer}
                caseId={caseId}
                replies={replies}
                canReply={canReply}
                replyingTo={replyingTo}
                onReply={onReply}
                onSent={onSent}
              />
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}

/** A new message in one scope; kept as a draft until sent. */
function Composer({ caseId, scope, onSent }: { caseId: string; scope: Visibility; onSent(): void }) {
  const { t, label } = useI18n();
  const describe = useDescribeUserError();
  const [posted, post] = useMutation(PostMessageDocument);
  // One key per message: pressing send twice posts it once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const form = useForm({
    id: `message-${caseId}-${scope}`,
    draft: true,
    fields: {
      body: {
        label: t("messages.write", { scope: label("visibility", scope) }),
        initial: "",
        required: true,
        requiredMessage: t("messages.enterMessage"),
        maxLength: LIMITS.text,
      },
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const result = await post({ caseId, body: values.body, visibility: scope, idempotencyKey: key });
        const payload = result.data?.postMessage;
        if (payload?.message) {
          form.reset();
          setKey(crypto.randomUUID());
          onSent();
          return [];
        }
        if (payload) setKey(crypto.randomUUID());
        if (payload) return form.fromUserErrors(payload.userErrors, describe).map((e) => ({ ...e, field: e.field || "body" }));
        return [{ field: "", message: t("messages.notSent") }];
      })}
    >
      <Textarea bound={form.bind("body")} rows={4} />
      <RequestError error={posted.error} />
      <SubmitButton busy={posted.fetching}>{t("messages.send")}</SubmitButton>
    </FormShell>
  );
}

/** A reply under one message: it keeps that message's scope. Kept as a draft until sent. */
function ReplyForm({
  caseId,
  message,
  author,
  onSent,
  onCancel,
}: {
  caseId: string;
  message: CaseMessage;
  author: string;
  onSent(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [posted, post] = useMutation(ReplyToMessageDocument);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const form = useForm({
    id: `reply-${message.id}`,
    draft: true,
    fields: {
      body: {
        label: t("messages.replyLabel", { name: author }),
        initial: "",
        required: true,
        requiredMessage: t("messages.enterReply"),
        maxLength: LIMITS.text,
      },
    },
  });
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.querySelector("textarea")?.focus();
  }, []);
  return (
    <div ref={first} className="govuk-!-margin-top-2" data-testid="reply-form">
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const result = await post({ caseId, body: values.body, replyToId: message.id, idempotencyKey: key });
          const payload = result.data?.postMessage;
          if (payload?.message) {
            form.reset();
            onSent();
            return [];
          }
          if (payload) setKey(crypto.randomUUID());
          if (payload) return form.fromUserErrors(payload.userErrors, describe).map((e) => ({ ...e, field: e.field || "body" }));
          return [{ field: "", message: t("messages.notSent") }];
        })}
      >
        <Textarea bound={form.bind("body")} rows={3} />
        <RequestError error={posted.error} />
        <div className="govuk-button-group">
          <SubmitButton busy={posted.fetching}>{t("messages.sendReply")}</SubmitButton>
          <button type="button" className="govuk-link parley-link-button" onClick={onCancel}>
            {t("messages.cancelReply")}
          </button>
        </div>
      </FormShell>
    </div>
  );
}
