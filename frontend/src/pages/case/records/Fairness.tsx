import { useQuery } from "urql";
import { Loading, RequestError } from "../../../components/Status";
import { Explained, SummaryList, Tag } from "../../../design/patterns";
import { FairnessViewDocument, type ClockFieldsFragment, type FairnessViewQuery } from "../../../gql/graphql";
import { useI18n } from "../../../i18n";

type Side = FairnessViewQuery["fairnessReport"]["sides"][number];

/** The fairness view: both sides next to each other (what each put on the file, the time
 * limits each had and whether they were kept), the neutral's declaration, objections and
 * consents. Built by the server from what all parties may read. */
export function Fairness({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: FairnessViewDocument,
    variables: { caseId },
    requestPolicy: "cache-and-network",
  });
  const report = data?.fairnessReport;
  return (
    <section aria-labelledby="fairness-heading" className="parley-section" data-testid="fairness">
      <h2 id="fairness-heading" className="govuk-visually-hidden">
        {t("fairness.title")}
      </h2>
      <p className="govuk-body">{t("fairness.intro")}</p>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {report && (
        <>
          <div className="govuk-grid-row">
            {report.sides.map((side) => (
              <div className="govuk-grid-column-one-half" key={side.side}>
                <SideColumn side={side} />
              </div>
            ))}
          </div>
          <Neutral report={report} />
          <Consents report={report} />
        </>
      )}
    </section>
  );
}

function SideColumn({ side }: { side: Side }) {
  const { t, label, dateTime } = useI18n();
  const heading = `fairness-${side.side.toLowerCase()}`;
  return (
    <div aria-labelledby={heading} role="group" data-testid={`fairness-${side.side}`}>
      <h3 className="govuk-heading-m" id={heading}>
        {t(side.side === "COMPLAINANT" ? "fairness.complainantSide" : "fairness.organisationSide")}
      </h3>
      <SummaryList
        rows={[
          { key: t("fairness.submissions"), value: String(side.submissions.length) },
          { key: t("fairness.met"), value: String(side.clocksMet) },
          { key: t("fairness.missed"), value: String(side.clocksMissed) },
        ]}
      />
      {side.submissions.length > 0 && (
        <Explained summary={t("fairness.whatSubmitted", { count: side.submissions.length })}>
          <ul className="govuk-list">
            {side.submissions.map((s) => (
              <li key={s.sequence}>
                {label("event", s.eventKind.toLowerCase())} · {dateTime(s.occurredAt)}{" "}
                <span className="govuk-hint govuk-!-display-inline">{t("fairness.eventNumber", { sequence: s.sequence })}</span>
              </li>
            ))}
          </ul>
        </Explained>
      )}
      {side.windows.length > 0 && (
        <>
          <h4 className="govuk-heading-s">{t("fairness.windows")}</h4>
          <ul className="govuk-list">
            {side.windows.map((clock, index) => (
              <ClockLine key={index} clock={clock} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ClockLine({ clock }: { clock: ClockFieldsFragment }) {
  const { t, label, date } = useI18n();
  const colour = clock.status === "MET" ? "green" : clock.status === "MISSED" ? "red" : clock.status === "RUNNING" ? "blue" : "grey";
  return (
    <li>
      {label("clock", clock.kind)} · {label("responsible", clock.responsible)} ·{" "}
      {t("fairness.due", { date: date(clock.dueAt), days: clock.days })}{" "}
      <Tag colour={colour}>{label("clockStatus", clock.status)}</Tag>
      {clock.extensions > 0 && ` ${t("fairness.extended", { count: clock.extensions })}`}
    </li>
  );
}

function Neutral({ report }: { report: FairnessViewQuery["fairnessReport"] }) {
  const { t, label, dateTime } = useI18n();
  return (
    <>
      <h3 className="govuk-heading-m">{t("fairness.neutral")}</h3>
      {report.appointments.length === 0 && <p className="govuk-body">{t("fairness.noNeutral")}</p>}
      {report.appointments.map((a, index) => (
        <SummaryList
          key={index}
          rows={[
            { key: t("fairness.neutralName"), value: a.neutral?.displayName ?? "—" },
            { key: t("fairness.appointed"), value: dateTime(a.appointedAt) },
            {
              key: t("fairness.declaration"),
              value: a.declaration
                ? `${a.declaration.impartial ? t("fairness.impartial") : t("fairness.conflict")}${a.declaration.disclosures ? `: ${a.declaration.disclosures}` : ""} (${dateTime(a.declaration.declaredAt)})`
                : t("fairness.notDeclared"),
            },
            ...(a.endedAt ? [{ key: t("fairness.ended"), value: dateTime(a.endedAt) }] : []),
          ]}
        />
      ))}
      <h4 className="govuk-heading-s">{t("fairness.objections")}</h4>
      {report.objections.length === 0 ? (
        <p className="govuk-body">{t("fairness.noObjections")}</p>
      ) : (
        <ul className="govuk-list">
          {report.objections.map((o, index) => (
            <li key={index}>
              {t("fairness.objectionBy", { side: label("side", o.side), date: dateTime(o.raisedAt) })}{" "}
              <span className="parley-prose">{o.reasons}</span>{" "}
              {o.upheld === null || o.upheld === undefined
                ? t("fairness.objectionOpen")
                : `${o.upheld ? t("fairness.upheld") : t("fairness.notUpheld")}${o.decisionReasons ? `: ${o.decisionReasons}` : ""}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Consents({ report }: { report: FairnessViewQuery["fairnessReport"] }) {
  const { t, label, dateTime } = useI18n();
  return (
    <>
      <h3 className="govuk-heading-m">{t("fairness.consents")}</h3>
      {report.consents.length === 0 ? (
        <p className="govuk-body">{t("fairness.noConsents")}</p>
      ) : (
        <ul className="govuk-list">
          {report.consents.map((c, index) => (
            <li key={index}>
              {t("fairness.consentLine", {
                name: c.givenBy?.displayName ?? "—",
                method: label("method", c.method),
                date: dateTime(c.givenAt),
              })}
              {c.consentsToBeBound && ` ${t("fairness.bound")}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
