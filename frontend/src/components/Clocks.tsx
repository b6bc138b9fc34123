import type { ClockFieldsFragment } from "../gql/graphql";
import { useI18n } from "../i18n";

export function isOverdue(clock: ClockFieldsFragment, now = Date.now()): boolean {
  return clock.status === "RUNNING" && new Date(clock.dueAt).getTime() < now;
}

/** Who must act and by when: the running clocks, soonest first. */
export function WhoMustAct({ clocks }: { clocks: readonly ClockFieldsFragment[] }) {
  const { t, label, dateTime } = useI18n();
  const running = clocks
    .filter((clock) => clock.status === "RUNNING")
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  if (running.length === 0) return <p>{t("clocks.noneRunning")}</p>;
  return (
    <ul className="clock-list">
      {running.map((clock) => (
        <li key={clock.kind} className={isOverdue(clock) ? "overdue" : undefined}>
          <strong>{label("responsible", clock.responsible)}</strong>{" "}
          {t("clocks.mustBy", { what: label("clock", clock.kind), due: dateTime(clock.dueAt) })}
          {isOverdue(clock) && <span className="badge badge-danger">{t("clocks.overdue")}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Every clock of the case, for the record. */
export function ClockTable({ clocks }: { clocks: readonly ClockFieldsFragment[] }) {
  const { t, label, dateTime, number } = useI18n();
  if (clocks.length === 0) return null;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("clocks.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("clocks.kind")}</th>
            <th scope="col">{t("clocks.responsible")}</th>
            <th scope="col">{t("clocks.due")}</th>
            <th scope="col">{t("clocks.status")}</th>
          </tr>
        </thead>
        <tbody>
          {clocks.map((clock) => (
            <tr key={`${clock.kind}-${clock.startedAt}`}>
              <td>
                {label("clock", clock.kind)}{" "}
                <span className="muted">
                  ({number(clock.days)} {label("calendar", clock.calendar)}
                  {clock.extensions > 0 && `, ${t("clocks.extended", { count: clock.extensions })}`})
                </span>
              </td>
              <td>{label("responsible", clock.responsible)}</td>
              <td>{dateTime(clock.dueAt)}</td>
              <td>
                {label("clockStatus", clock.status)}
                {isOverdue(clock) && <span className="badge badge-danger">{t("clocks.overdue")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
