import { useEffect, useRef, useState, type ReactNode } from "react";
import { useClient, useQuery } from "urql";
import { Loading, RequestError, UserErrors, useDescribeUserError } from "../../components/Status";
import { AmountInput, Checkboxes, FormShell, Radios, SubmitButton, Textarea, TextInput, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { Explained, SuccessBanner, SummaryList, Tag } from "../../design/patterns";
import {
  AnswerGroupConsentDocument,
  AskGroupConsentDocument,
  CaseGroupPanelDocument,
  CaseIdByReferenceDocument,
  FormCaseGroupDocument,
  LinkCasesDocument,
  ProposeGroupOutcomeDocument,
  ShareGroupDocumentDocument,
  WithdrawGroupConsentDocument,
  type CaseGroupPanelQuery,
  type GroupConsent,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAction } from "./useAction";

type Panel = NonNullable<CaseGroupPanelQuery["case"]>;
type Membership = NonNullable<Panel["groupMembership"]>;
type Link = Panel["caseLinks"][number];

const CONSENT_COLOUR: Record<GroupConsent, "yellow" | "green" | "grey" | "red"> = {
  ASKED: "yellow",
  GIVEN: "green",
  REFUSED: "grey",
  WITHDRAWN: "grey",
};
// The reason the provider gives for a link (portal/groups/services.py MAX_REASON).
const MAX_REASON = 2_000;

/** Linked and group cases on the case page (issue 20): the complainant gives, refuses or
 * withdraws consent to having the case run in a group (the amended EU ADR Directive bundles
 * cases only with it); the provider links related cases, asks consent and forms the group; the
 * neutral proposes the group's one outcome, which each complainant then answers on their own
 * case (OutcomePanel). What each may do is the server's answer: a refused step says why. */
export function GroupPanel({ caseId, recordLength, onDone }: { caseId: string; recordLength: number; onDone(): void }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CaseGroupPanelDocument,
    variables: { id: caseId },
    requestPolicy: "cache-and-network",
  });
  const [banner, setBanner] = useState<{ n: number; text: string } | null>(null);
  const seen = useRef(recordLength);
  useEffect(() => {
    // The case record grew (a consent or the group's step elsewhere): ask again.
    if (recordLength === seen.current) return;
    seen.current = recordLength;
    refetch({ requestPolicy: "network-only" });
  }, [recordLength, refetch]);
  if (fetching && !data) return <Loading />;
  const item = data?.case;
  if (!item) return <RequestError error={error} />;
  const roles = item.viewerRoles;
  const complainantSide = roles.includes("COMPLAINANT") || roles.includes("REPRESENTATIVE");
  const provider = roles.includes("PROVIDER");
  const neutral = roles.includes("NEUTRAL");
  const membership = item.groupMembership;
  if (!membership && !provider) return null;

  function done(text: string) {
    setBanner((old) => ({ n: (old?.n ?? 0) + 1, text }));
    refetch({ requestPolicy: "network-only" });
    onDone();
  }

  const open = membership && !membership.group.outcomeProposedAt;
  return (
    <section aria-labelledby="group-heading" className="parley-section" data-testid="case-group">
      <h2 id="group-heading" className="govuk-heading-m">
        {t("group.title")}
      </h2>
      {banner && <SuccessBanner key={banner.n} title={banner.text} />}
      {membership && <GroupSummary membership={membership} />}
      {complainantSide && membership && open && <ConsentAnswer caseId={caseId} membership={membership} onDone={done} />}
      {provider && membership && open && !membership.group.formedAt && (
        <FormGroup groupId={membership.group.id} onDone={done} />
      )}
      {provider && membership?.consent === "GIVEN" && membership.group.formedAt && (
        <ShareDocument groupId={membership.group.id} documents={membership.shareableDocuments} onDone={done} />
      )}
      {neutral && membership?.consent === "GIVEN" && open && membership.group.formedAt && (
        <ProposeOutcome groupId={membership.group.id} onDone={done} />
      )}
      {provider && (
        <>
          <Links links={item.caseLinks} />
          <LinkCase caseId={caseId} onDone={done} />
          {(!membership || !open) && item.caseLinks.length > 0 && (
            <AskConsent caseId={caseId} links={item.caseLinks} onDone={done} />
          )}
        </>
      )}
    </section>
  );
}

function GroupSummary({ membership }: { membership: Membership }) {
  const { t, label, dateTime } = useI18n();
  const group = membership.group;
  return (
    <>
      <SummaryList
        rows={[
          { key: t("group.reference"), value: <span data-testid="group-reference">{group.reference}</span> },
          { key: t("group.members"), value: <span data-testid="group-member-count">{group.memberCount}</span> },
          { key: t("group.lead"), value: group.leadCase?.reference ?? t("group.leadHidden") },
          {
            key: t("group.yourConsent"),
            value: (
              <>
                <Tag colour={CONSENT_COLOUR[membership.consent]} testId="group-consent">
                  {label("groupConsent", membership.consent)}
                </Tag>{" "}
                {membership.answeredAt && dateTime(membership.answeredAt)}
              </>
            ),
          },
          {
            key: t("group.stage"),
            value: group.outcomeProposedAt
              ? t("group.outcomeProposed", { date: dateTime(group.outcomeProposedAt) })
              : group.formedAt
                ? t("group.formed", { date: dateTime(group.formedAt) })
                : t("group.asking"),
          },
        ]}
      />
      {group.memberships.length > 1 && (
        <ul className="govuk-list" data-testid="group-memberships">
          {group.memberships.map((m) => (
            <li key={m.case?.id ?? m.consent}>
              {m.case?.reference} · {label("groupConsent", m.consent)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The complainant's answer: consent (or consent again), refuse, or withdraw a consent. */
function ConsentAnswer({ caseId, membership, onDone }: { caseId: string; membership: Membership; onDone(text: string): void }) {
  const { t } = useI18n();
  const answer = useAction(AnswerGroupConsentDocument, () => undefined);
  const withdraw = useAction(WithdrawGroupConsentDocument, () => undefined);
  const groupId = membership.group.id;
  const reference = membership.group.reference;
  return (
    <div data-testid="group-consent-answer">
      <p className="govuk-body">{t("group.consentIntro")}</p>
      <Explained summary={t("group.consentWhat")}>
        <p className="govuk-body">{t("group.consentExplained")}</p>
      </Explained>
      <UserErrors errors={[...answer.errors, ...withdraw.errors]} />
      <RequestError error={answer.error ?? withdraw.error} />
      <div className="govuk-button-group">
        {membership.consent === "GIVEN" ? (
          <StepButton
            kind="warning"
            busy={withdraw.busy}
            testId="group-withdraw"
            onClick={async () => {
              if (await withdraw.run({ groupId, caseId })) onDone(t("group.withdrawn", { reference }));
            }}
          >
            {t("group.withdraw")}
          </StepButton>
        ) : (
          <StepButton
            busy={answer.busy}
            testId="group-consent-give"
            onClick={async () => {
              if (await answer.run({ groupId, caseId, consents: true })) onDone(t("group.consented", { reference }));
            }}
          >
            {t("group.consent")}
          </StepButton>
        )}
        {membership.consent === "ASKED" && (
          <StepButton
            kind="secondary"
            busy={answer.busy}
            testId="group-consent-refuse"
            onClick={async () => {
              if (await answer.run({ groupId, caseId, consents: false })) onDone(t("group.refused", { reference }));
            }}
          >
            {t("group.refuse")}
          </StepButton>
        )}
      </div>
    </div>
  );
}

/** One step of the group, taken with one press (disabled while it is sent). */
function StepButton({
  kind,
  busy,
  testId,
  onClick,
  children,
}: {
  kind?: "warning" | "secondary";
  busy: boolean;
  testId: string;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`govuk-button${kind ? ` govuk-button--${kind}` : ""}`}
      disabled={busy}
      data-testid={testId}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function Links({ links }: { links: readonly Link[] }) {
  const { t, dateTime } = useI18n();
  if (links.length === 0) return <p className="govuk-body">{t("group.noLinks")}</p>;
  return (
    <>
      <h3 className="govuk-heading-s">{t("group.linksTitle")}</h3>
      <ul className="govuk-list" data-testid="case-links">
        {links.map((link) => (
          <li key={link.id}>
            <a className="govuk-link" href={link.otherCase ? `/cases/${encodeURIComponent(link.otherCase.id)}` : undefined}>
              {link.otherCase?.reference}
            </a>{" "}
            · <span className="parley-prose">{link.reason}</span> · {dateTime(link.createdAt)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The provider links another case of the same organisation, named by its reference. */
function LinkCase({ caseId, onDone }: { caseId: string; onDone(text: string): void }) {
  const { t } = useI18n();
  const client = useClient();
  const describe = useDescribeUserError();
  const link = useAction(LinkCasesDocument, () => undefined);
  const form = useForm({
    id: `link-case-${caseId}`,
    fields: {
      reference: {
        label: t("group.otherReference"),
        initial: "",
        required: true,
        maxLength: 32,
        serverNames: ["otherCaseId"],
      },
      reason: { label: t("group.linkReason"), initial: "", required: true, maxLength: MAX_REASON },
    },
  });
  return (
    <>
      <h3 className="govuk-heading-s">{t("group.linkTitle")}</h3>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const found = await client.query(CaseIdByReferenceDocument, { reference: values.reference }).toPromise();
          const other = found.data?.case?.id;
          if (!other) return [{ field: "reference", message: t("group.noSuchCase") }];
          if (await link.run({ caseId, otherCaseId: other, reason: values.reason })) {
            onDone(t("group.linked", { reference: values.reference }));
            return [];
          }
          return form.fromUserErrors(link.lastErrors(), describe);
        })}
      >
        <TextInput bound={form.bind("reference")} autoComplete="off" spellCheck={false} hint={t("group.otherReferenceHint")} />
        <Textarea bound={form.bind("reason")} rows={3} />
        <RequestError error={link.error} />
        <SubmitButton busy={link.busy}>{t("group.link")}</SubmitButton>
      </FormShell>
    </>
  );
}

/** The provider asks the complainants of linked cases to consent to a group led by this case. */
function AskConsent({ caseId, links, onDone }: { caseId: string; links: readonly Link[]; onDone(text: string): void }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const ask = useAction(AskGroupConsentDocument, () => undefined);
  const options = links.flatMap((link) => (link.otherCase ? [{ value: link.otherCase.id, label: link.otherCase.reference }] : []));
  const form = useForm({
    id: `ask-group-consent-${caseId}`,
    fields: {
      cases: {
        label: t("group.askCases"),
        initial: "",
        required: true,
        requiredMessage: t("group.askCasesMissing"),
        serverNames: ["caseIds"],
      },
    },
  });
  return (
    <>
      <h3 className="govuk-heading-s">{t("group.askTitle")}</h3>
      <p className="govuk-body">{t("group.askIntro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const caseIds = String(values.cases).split(" ").filter(Boolean);
          if (await ask.run({ leadCaseId: caseId, caseIds })) {
            onDone(t("group.asked"));
            return [];
          }
          return form.fromUserErrors(ask.lastErrors(), describe);
        })}
      >
        <Checkboxes bound={form.bind("cases")} options={options} />
        <RequestError error={ask.error} />
        <SubmitButton busy={ask.busy}>{t("group.ask")}</SubmitButton>
      </FormShell>
    </>
  );
}

function FormGroup({ groupId, onDone }: { groupId: string; onDone(text: string): void }) {
  const { t } = useI18n();
  const form = useAction(FormCaseGroupDocument, () => undefined);
  return (
    <>
      <p className="govuk-body">{t("group.formIntro")}</p>
      <UserErrors errors={form.errors} />
      <RequestError error={form.error} />
      <StepButton
        busy={form.busy}
        testId="group-form"
        onClick={async () => {
          if (await form.run({ groupId })) onDone(t("group.formedDone"));
        }}
      >
        {t("group.form")}
      </StepButton>
    </>
  );
}

/** The provider shares one of this case's documents with the formed group: it is then in
 * every member's case file, in the scope it was posted in. Which documents may be shared is
 * the server's answer (`shareableDocuments`, from the access policy): never a caucus one. */
function ShareDocument({
  groupId,
  documents,
  onDone,
}: {
  groupId: string;
  documents: Membership["shareableDocuments"];
  onDone(text: string): void;
}) {
  const { t, label } = useI18n();
  const describe = useDescribeUserError();
  const share = useAction(ShareGroupDocumentDocument, () => undefined);
  const form = useForm({
    id: `share-group-document-${groupId}`,
    fields: {
      document: {
        label: t("group.shareWhich"),
        initial: "",
        required: true,
        requiredMessage: t("group.shareMissing"),
        serverNames: ["documentId"],
      },
    },
  });
  return (
    <div data-testid="group-share">
      <h3 className="govuk-heading-s">{t("group.shareTitle")}</h3>
      <p className="govuk-body">{t("group.shareIntro")}</p>
      {documents.length === 0 ? (
        <p className="govuk-body" data-testid="group-share-none">
          {t("group.shareNone")}
        </p>
      ) : (
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            const chosen = documents.find((d) => d.id === values.document);
            if (await share.run({ groupId, documentId: String(values.document) })) {
              onDone(t("group.shared", { filename: chosen?.filename ?? "" }));
              return [];
            }
            return form.fromUserErrors(share.lastErrors(), describe);
          })}
        >
          <Radios
            bound={form.bind("document")}
            options={documents.map((d) => ({
              value: d.id,
              label: d.filename,
              hint: t("group.shareDocumentHint", { version: d.version, scope: label("visibility", d.visibility) }),
            }))}
          />
          <RequestError error={share.error} />
          <SubmitButton busy={share.busy}>{t("group.share")}</SubmitButton>
        </FormShell>
      )}
    </div>
  );
}

/** The neutral's one outcome for every member, issued on each member case through its own
 * outcome step. */
function ProposeOutcome({ groupId, onDone }: { groupId: string; onDone(text: string): void }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const propose = useAction(ProposeGroupOutcomeDocument, () => undefined);
  const form = useForm({
    id: `propose-group-outcome-${groupId}`,
    fields: {
      summary: { label: t("group.outcomeSummary"), initial: "", required: true, maxLength: LIMITS.text },
      reasons: { label: t("group.outcomeReasons"), initial: "", required: true, maxLength: LIMITS.text },
      amount: { label: t("group.outcomeAmount"), initial: "", kind: "amount" },
    },
  });
  return (
    <>
      <h3 className="govuk-heading-s">{t("group.proposeTitle")}</h3>
      <p className="govuk-body">{t("group.proposeIntro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const amount = String(values.amount).trim();
          if (await propose.run({ groupId, summary: values.summary, reasons: values.reasons, amount: amount || null })) {
            onDone(t("group.proposed"));
            return [];
          }
          return form.fromUserErrors(propose.lastErrors(), describe);
        })}
      >
        <Textarea bound={form.bind("summary")} rows={3} />
        <Textarea bound={form.bind("reasons")} rows={5} />
        <AmountInput bound={form.bind("amount")} />
        <RequestError error={propose.error} />
        <SubmitButton busy={propose.busy}>{t("group.propose")}</SubmitButton>
      </FormShell>
    </>
  );
}
