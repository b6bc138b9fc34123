import { useQuery } from "urql";
import { Loading, RequestError } from "../../components/Status";
import { NeutralCaseFileDocument, type CaseRole, type NeutralCaseFileQuery, type Visibility } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import type { CaseData } from "../case/CasePage";

type FileData = NeutralCaseFileQuery["case"];
type FileDocument = FileData["documents"]["edges"][number]["node"];

const PARTY_ORDER: readonly CaseRole[] = ["COMPLAINANT", "REPRESENTATIVE", "ORGANISATION", "PROVIDER", "NEUTRAL"];
const CAUCUSES: readonly Visibility[] = ["CAUCUS_COMPLAINANT", "CAUCUS_ORGANISATION", "NEUTRAL_ONLY"];

/** The neutral's view of the file: the declaration and objections, every document by the party
 * that filed it with all its versions, and the caucus spaces side by side. Writing happens in
 * the Messages and Documents sections below, which the server scopes by role. */
export function NeutralCaseFile({ item }: { item: CaseData }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: NeutralCaseFileDocument,
    variables: { id: item.id },
    requestPolicy: "cache-and-network",
  });
  return (
    <>
      <Disclosures item={item} />
      <section aria-labelledby="file-heading" className="panel">
        <h2 id="file-heading">{t("caseFile.title")}</h2>
        {fetching && !data && <Loading />}
        <RequestError error={error} />
        {data && <DocumentsByParty documents={data.case.documents.edges.map((edge) => edge.node)} />}
      </section>
      <section aria-labelledby="caucus-heading" className="panel">
        <h2 id="caucus-heading">{t("caseFile.caucuses")}</h2>
        {data && <CaucusColumns messages={data.case.messages.edges.map((edge) => edge.node)} />}
      </section>
    </>
  );
}

function Disclosures({ item }: { item: CaseData }) {
  const { t, label, dateTime } = useI18n();
  const appointment = item.neutralAppointment;
  if (!appointment) return null;
  const declaration = appointment.declaration;
  return (
    <section aria-labelledby="disclosures-heading" className="panel" data-testid="disclosures">
      <h2 id="disclosures-heading">{t("caseFile.disclosures")}</h2>
      {declaration ? (
        <p>
          {declaration.impartial ? t("caseFile.declaredImpartial") : t("caseFile.declaredConflict")} ·{" "}
          {dateTime(declaration.declaredAt)}
          {declaration.disclosures && (
            <>
              <br />
              {declaration.disclosures}
            </>
          )}
        </p>
      ) : (
        <p>{t("caseFile.notDeclared")}</p>
      )}
      {appointment.objections.length > 0 && (
        <ul>
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
  if (parties.length === 0) return <p>{t("caseFile.noDocuments")}</p>;
  return (
    <>
      {parties.map((role) => {
        const mine = documents
          .filter((d) => d.uploaderRole === role)
          .sort((a, b) => a.filename.localeCompare(b.filename) || b.version - a.version);
        return (
          <div className="table-wrap" key={role}>
            <table>
              <caption>{t("caseFile.fromParty", { party: label("role", role) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("caseFile.document")}</th>
                  <th scope="col">{t("caseFile.version")}</th>
                  <th scope="col">{t("caseFile.scope")}</th>
                  <th scope="col">{t("caseFile.added")}</th>
                </tr>
              </thead>
              <tbody>
                {mine.map((d) => (
                  <tr key={d.id} className={d.supersededAt ? "muted" : undefined}>
                    <td>
                      {d.filename} <span className="muted">({bytes(d.size)})</span>
                    </td>
                    <td>
                      {d.version}
                      {d.supersededAt && ` · ${t("caseFile.superseded")}`}
                    </td>
                    <td>{label("visibility", d.visibility)}</td>
                    <td>{dateTime(d.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}

function CaucusColumns({ messages }: { messages: FileData["messages"]["edges"][number]["node"][] }) {
  const { t, label, dateTime } = useI18n();
  return (
    <div className="caucus-columns">
      {CAUCUSES.map((scope) => {
        const inScope = messages
          .filter((m) => m.visibility === scope)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        return (
          <section key={scope} aria-labelledby={`caucus-${scope}`} className="caucus" data-testid={`caucus-${scope}`}>
            <h3 id={`caucus-${scope}`}>
              {label("visibility", scope)} ({inScope.length})
            </h3>
            {inScope.length === 0 ? (
              <p className="muted">{t("caseFile.noMessages")}</p>
            ) : (
              <ol className="caucus-messages">
                {inScope.map((m) => (
                  <li key={m.id}>
                    <p className="muted">
                      {m.author?.displayName ?? label("role", m.authorRole)} · {dateTime(m.createdAt)}
                    </p>
                    <p>{m.body}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
