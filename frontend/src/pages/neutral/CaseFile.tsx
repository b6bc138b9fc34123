import { useEffect, useMemo } from "react";
import { useMutation, useQuery } from "urql";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, SubmitButton, Textarea, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { Explained, ScrollRegion, SummaryList } from "../../design/patterns";
import {
  NeutralCaseFileDocument,
  PostMessageDocument,
  type CaseRole,
  type NeutralCaseFileQuery,
  type Visibility,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { writableScopes } from "../../lib/scopes";
import type { CaseData } from "../case/CasePage";

type FileData = NonNullable<NeutralCaseFileQuery["case"]>;
type FileDocument = FileData["documents"]["edges"][number]["node"];
type FileMessage = FileData["messages"]["edges"][number]["node"];

const PARTY_ORDER: readonly CaseRole[] = ["COMPLAINANT", "REPRESENTATIVE", "ORGANISATION", "PROVIDER", "NEUTRAL"];
const CAUCUSES: readonly Visibility[] = ["CAUCUS_COMPLAINANT", "CAUCUS_ORGANISATION", "NEUTRAL_ONLY"];

/** The neutral's view of the file, meant to come first on their case page: what each side said,
 * the declaration and objections, every document by the party that filed it with all its
 * versions, and the private conversations with each side side by side, each with its own
 * composer. Live: every new event on the case (the page's timeline subscription moves
 * `timelineHead`) fetches the file again, so a message from either side shows without a reload. */
export function NeutralCaseFile({ item }: { item: CaseData }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: NeutralCaseFileDocument,
    variables: { id: item.id },
    requestPolicy: "cache-and-network",
  });
  const head = item.timelineHead?.sequence;
  useEffect(() => {
    if (head !== undefined) refetch({ requestPolicy: "network-only" });
  }, [head, refetch]);
  return (
    <section aria-labelledby="neutral-file-heading" className="parley-section" data-testid="neutral-file">
      <h2 id="neutral-file-heading" className="govuk-heading-l">
        {t("caseFile.heading")}
      </h2>
      <Statements item={item} />
      <Disclosures item={item} />
      <section aria-labelledby="file-heading" className="parley-section">
        <h3 id="file-heading" className="govuk-heading-m">
          {t("caseFile.title")}
        </h3>
        {fetching && !data && <Loading />}
        <RequestError error={error} />
        {data?.case && <DocumentsByParty documents={data.case.documents.edges.map((edge) => edge.node)} />}
      </section>
      <section aria-labelledby="caucus-heading" className="parley-section">
        <h3 id="caucus-heading" className="govuk-heading-m">
          {t("caseFile.caucuses")}
        </h3>
        <Explained summary={t("caseFile.caucusWhat")}>
          <p className="govuk-body">{t("caseFile.caucusExplained")}</p>
        </Explained>
        {data?.case && (
          <CaucusColumns
            caseId={item.id}
            roles={data.case.viewerRoles}
            messages={data.case.messages.edges.map((edge) => edge.node)}
            onSent={() => refetch({ requestPolicy: "network-only" })}
          />
        )}
      </section>
    </section>
  );
}

/** What each side has said so far: the complainant's reason the complaint is unresolved, the
 * organisation's position. */
function Statements({ item }: { item: CaseData }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="statements-heading" className="parley-section" data-testid="statements">
      <h3 id="statements-heading" className="govuk-heading-m">
        {t("caseFile.statements")}
      </h3>
      <SummaryList
        rows={[
          {
            key: t("caseFile.complainantSays"),
            value: <span className="parley-prose">{item.unresolvedReason || t("caseFile.nothingYet")}</span>,
          },
          {
            key: t("caseFile.organisationSays"),
            value: <span className="parley-prose">{item.organisationPosition || t("caseFile.nothingYet")}</span>,
          },
        ]}
      />
    </section>
  );
}

function Disclosures({ item }: { item: CaseData }) {
  const { t, label, dateTime } = useI18n();
  const appointment = item.neutralAppointment;
  if (!appointment) return null;
  const declaration = appointment.declaration;
  return (
    <section aria-labelledby="disclosures-heading" className="parley-section" data-testid="disclosures">
      <h3 id="disclosures-heading" className="govuk-heading-m">
        {t("caseFile.disclosures")}
      </h3>
      {declaration ? (
        <p className="govuk-body">
          {declaration.impartial ? t("caseFile.declaredImpartial") : t("caseFile.declaredConflict")} ·{" "}
          {dateTime(declaration.declaredAt)}
          {declaration.disclosures && (
            <>
              <br />
              <span className="parley-prose">{declaration.disclosures}</span>
            </>
          )}
        </p>
      ) : (
        <p className="govuk-body">{t("caseFile.notDeclared")}</p>
      )}
      {appointment.objections.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {appointment.objections.map((objection) => (
            <li key={objection.raisedAt}>
              {t("caseFile.objection", { side: label("side", objection.side), date: dateTime(objection.raisedAt) })}:{" "}
              {objection.reasons}
              {objection.upheld !== null && objection.upheld !== undefined && (
                <>
                  {" "}
                  ({objection.upheld ? t("caseFile.upheld") : t("caseFile.rejected")}
                  {objection.decisionReasons && `: ${objection.decisionReasons}`})
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DocumentsByParty({ documents }: { documents: readonly FileDocument[] }) {
  const { t, label, dateTime, bytes } = useI18n();
  const parties = PARTY_ORDER.filter((role) => documents.some((d) => d.uploaderRole === role));
  if (parties.length === 0) return <p className="govuk-body">{t("caseFile.noDocuments")}</p>;
  return (
    <>
      {parties.map((role) => {
        const caption = t("caseFile.fromParty", { party: label("role", role) });
        const mine = documents
          .filter((d) => d.uploaderRole === role)
          .sort((a, b) => a.filename.localeCompare(b.filename) || b.version - a.version);
        return (
          <ScrollRegion label={caption} key={role}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">{t("caseFile.document")}</th>
                  <th scope="col" className="govuk-table__header">{t("caseFile.version")}</th>
                  <th scope="col" className="govuk-table__header">{t("caseFile.scope")}</th>
                  <th scope="col" className="govuk-table__header">{t("caseFile.added")}</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {mine.map((d) => (
                  <tr key={d.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      {d.filename} <span className="govuk-body-s">({bytes(d.size)})</span>
                    </td>
                    <td className="govuk-table__cell">
                      {d.version}
                      {d.supersededAt && ` · ${t("caseFile.superseded")}`}
                    </td>
                    <td className="govuk-table__cell">{label("visibility", d.visibility)}</td>
                    <td className="govuk-table__cell">{dateTime(d.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        );
      })}
    </>
  );
}

function CaucusColumns({
  caseId,
  roles,
  messages,
  onSent,
}: {
  caseId: string;
  roles: readonly CaseRole[];
  messages: readonly FileMessage[];
  onSent(): void;
}) {
  const { t, label, dateTime } = useI18n();
  const writable = writableScopes(roles);
  return (
    <div className="parley-caucus-columns">
      {CAUCUSES.map((scope) => {
        const inScope = messages
          .filter((m) => m.visibility === scope)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        return (
          <section
            key={scope}
            aria-labelledby={`caucus-${scope}`}
            className="parley-caucus"
            data-testid={`caucus-${scope}`}
          >
            <h4 id={`caucus-${scope}`} className="govuk-heading-s">
              {label("caucus", scope)}{" "}
              <span className="govuk-body-s" data-testid="caucus-count">
                ({inScope.length === 1 ? t("caseFile.messageOne") : t("caseFile.messageCount", { count: inScope.length })})
              </span>
            </h4>
            {inScope.length === 0 ? (
              <p className="govuk-body-s">{t("caseFile.noMessages")}</p>
            ) : (
              <ol className="parley-caucus__messages">
                {inScope.map((m) => (
                  <li key={m.id}>
                    <p className="govuk-body-s govuk-!-margin-bottom-1">
                      {m.author?.displayName ?? label("role", m.authorRole)} · {dateTime(m.createdAt)}
                    </p>
                    <p className="govuk-body parley-prose">{m.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {writable.includes(scope) && <CaucusComposer caseId={caseId} scope={scope} onSent={onSent} />}
          </section>
        );
      })}
    </div>
  );
}

/** A message in one private conversation only (its scope is the column's). */
function CaucusComposer({ caseId, scope, onSent }: { caseId: string; scope: Visibility; onSent(): void }) {
  const { t, label } = useI18n();
  const describe = useDescribeUserError();
  const [posted, post] = useMutation(PostMessageDocument);
  const series = useMemo(() => crypto.randomUUID(), []);
  const form = useForm({
    id: `caucus-${scope}-${caseId}`,
    draft: true,
    fields: {
      body: {
        label: t("caseFile.writeTo", { scope: label("caucus", scope) }),
        initial: "",
        required: true,
        maxLength: LIMITS.text,
        serverNames: ["body"],
      },
    },
  });
  return (
    <FormShell
      form={form}
      className="parley-caucus__composer"
      onSubmit={form.onSubmit(async (values) => {
        const answer = await post({
          caseId,
          body: values.body,
          visibility: scope,
          idempotencyKey: `${series}-${Date.now()}`,
        });
        const payload = answer.data?.postMessage;
        if (payload?.message) {
          form.reset();
          onSent();
          return [];
        }
        if (payload) return form.fromUserErrors(payload.userErrors, describe);
        return [{ field: "", message: t("staffForm.notSent") }];
      })}
    >
      <Textarea bound={form.bind("body")} rows={3} />
      <RequestError error={posted.error} />
      <SubmitButton busy={posted.fetching}>{t("caseFile.send")}</SubmitButton>
    </FormShell>
  );
}
