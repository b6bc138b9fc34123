import { useI18n } from "../../i18n";
import type { Owner } from "./owners";

/** Which organisation or provider the page is about, when the person runs more than one. */
export function OwnerPicker({
  owners,
  value,
  onChange,
}: {
  owners: readonly Owner[];
  value: string;
  onChange(id: string): void;
}) {
  const { t } = useI18n();
  if (owners.length < 2) return null;
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor="members-owner">
        {t("members.owner")}
      </label>
      <select id="members-owner" className="govuk-select" value={value} onChange={(e) => onChange(e.target.value)}>
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.name}
          </option>
        ))}
      </select>
    </div>
  );
}
