// Forms, the GOV.UK way (https://design-system.service.gov.uk/components/error-summary/):
// - the form checks itself on submit (`noValidate`: no browser bubbles), then shows an error
//   summary at the top, focused, whose links move to each field, an inline message above each
//   field naming it and its limit, `aria-invalid` on the control, and "Error: " in the title;
// - the server's userErrors land on the same fields (by their `field` path), others in the
//   summary;
// - long text shows how many characters are left; amounts are read in the reader's locale;
// - with `draft`, what was typed is kept in this browser until it is sent (design/draft.ts).
//
// A form declares its fields once (label, required, maxLength, kind); the controls take
// `form.bind(name)`, so a label, a limit and its message are written in one place.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { FormEvent, ReactNode } from "react";
import type { UserErrorLike } from "../components/Status";
import { useI18n } from "../i18n";
import { useAuth } from "../lib/auth";
import { onSessionChange } from "../lib/session";
import { exampleAmount, parseAmount } from "./amount";
import { draftKey, readDraft, removeDraft, saveDraft } from "./draft";

export interface FieldError {
  /** The field's name in the form, or "" for an error about the whole form. */
  field: string;
  message: string;
}

type Value = string | boolean;

export interface FieldSpec<T extends Value = Value> {
  label: string;
  initial: T;
  required?: boolean;
  /** Characters (code points), counted and shown as the person types. */
  maxLength?: number;
  /** "amount": read in the reader's locale; the submitted value is the API's "149.00". */
  kind?: "text" | "amount" | "email" | "code";
  /** The message when a required field is empty, when "Enter {label}" does not read well. */
  requiredMessage?: string;
  /** The names by which the server's userErrors name this field (default: the field's name). */
  serverNames?: readonly string[];
}

export type FieldSpecs = Record<string, FieldSpec>;

/** A label inside "Enter {label}": "Why you ask…" reads "Enter why you ask…"; a label that
 * starts with an acronym ("IBAN") keeps its capitals; "E-mail address" reads "e-mail address". */
export function inSentence(label: string): string {
  return /^\p{Lu}-?\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}
export type Values<S extends FieldSpecs> = { [K in keyof S]: S[K]["initial"] };

export interface Bound {
  id: string;
  name: string;
  label: string;
  value: Value;
  required: boolean;
  maxLength?: number;
  error?: string;
  onChange(value: Value): void;
}

export interface FormOptions<S extends FieldSpecs> {
  /** Unique on the page: prefixes element ids and names the draft. */
  id: string;
  fields: S;
  /** Keep unsent text in this browser (per person, per form) until it is sent. */
  draft?: boolean;
  /** More checks after the declared ones: return errors by field name. */
  validate?(values: Values<S>): FieldError[];
}

const length = (text: string) => [...text].length;

export function useForm<S extends FieldSpecs>(options: FormOptions<S>) {
  const { t, locale } = useI18n();
  const { viewer } = useAuth();
  const baseId = useId();
  const formId = `${options.id}-${baseId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const storage = options.draft ? draftKey(viewer?.user?.id, options.id) : null;
  const initial = useMemo(() => {
    const defaults = Object.fromEntries(
      Object.entries(options.fields).map(([name, spec]) => [name, spec.initial]),
    ) as Values<S>;
    const kept = storage ? readDraft<Partial<Values<S>>>(storage) : null;
    return { values: kept ? { ...defaults, ...kept } : defaults, restored: kept !== null };
    // The draft is read once, when the form first shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [values, setValues] = useState<Values<S>>(initial.values);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [restored, setRestored] = useState(initial.restored);

  useEffect(() => {
    if (!storage) return;
    // A form as it first showed (or as reset after sending) is no draft: nothing to restore.
    const untouched = Object.entries(options.fields).every(([name, spec]) => values[name] === spec.initial);
    if (untouched) removeDraft(storage);
    else saveDraft(storage, values);
    // The fields' initial values are read as declared when the form first showed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storage, values]);

  // The session ended (here, or signed out in another tab, which removes drafts): what is on
  // the screen is kept again, so that signing back in returns to it.
  const latest = useRef(values);
  latest.current = values;
  useEffect(() => {
    if (!storage) return;
    return onSessionChange((signedIn) => {
      if (!signedIn) saveDraft(storage, latest.current);
    });
  }, [storage]);

  const fieldId = useCallback((name: string) => `${formId}-${name}`, [formId]);

  /** The declared checks, with messages that name the field and its limit. */
  const check = useCallback(
    (current: Values<S>): FieldError[] => {
      const found: FieldError[] = [];
      for (const [name, spec] of Object.entries(options.fields)) {
        const value = current[name];
        if (typeof value !== "string") {
          if (spec.required && value !== true) {
            found.push({ field: name, message: spec.requiredMessage ?? t("form.errorConfirm", { field: spec.label }) });
          }
          continue;
        }
        const text = value.trim();
        if (!text) {
          if (spec.required) {
            found.push({ field: name, message: spec.requiredMessage ?? t("form.errorEnter", { field: inSentence(spec.label) }) });
          }
          continue;
        }
        if (spec.maxLength !== undefined && length(value) > spec.maxLength) {
          found.push({
            field: name,
            message: t("form.errorTooLong", { field: spec.label, max: spec.maxLength.toLocaleString(locale) }),
          });
        }
        if (spec.kind === "amount" && !parseAmount(value, locale)) {
          found.push({
            field: name,
            message: t("form.errorAmount", { field: spec.label, example: exampleAmount(locale) }),
          });
        }
        if (spec.kind === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
          found.push({ field: name, message: t("form.errorEmail", { field: spec.label }) });
        }
      }
      return [...found, ...(options.validate?.(current) ?? [])];
    },
    [options, t, locale],
  );

  /** The values as the API takes them: amounts canonical, text trimmed at the ends. */
  const output = useCallback(
    (current: Values<S>): Values<S> => {
      const result: Record<string, Value> = {};
      for (const [name, spec] of Object.entries(options.fields)) {
        const value = current[name];
        if (typeof value === "string" && spec.kind === "amount") {
          result[name] = value.trim() ? (parseAmount(value, locale)?.value ?? value) : "";
        } else if (typeof value === "string" && spec.kind === "code") {
          result[name] = normaliseCode(value);
        } else {
          result[name] = typeof value === "string" ? value.trim() : value;
        }
      }
      return result as Values<S>;
    },
    [options.fields, locale],
  );

  /** Server refusals onto the fields they name (the last segment of `field`, matched against
   * each field's name or `serverNames`), the others for the summary only. */
  const fromUserErrors = useCallback(
    (userErrors: readonly UserErrorLike[] | null | undefined, describe: (error: UserErrorLike) => string) =>
      (userErrors ?? []).map((error): FieldError => {
        const path = error.field ?? [];
        const named = path[path.length - 1];
        const field =
          Object.entries(options.fields).find(
            ([name, spec]) => named !== undefined && (spec.serverNames ?? [name]).includes(named),
          )?.[0] ?? "";
        // On a known field, the refusals a form also checks read as its own messages do:
        // naming the field and the limit.
        const spec = field ? options.fields[field] : undefined;
        if (spec && error.code === "TOO_LONG" && spec.maxLength !== undefined) {
          return {
            field,
            message: t("form.errorTooLong", { field: spec.label, max: spec.maxLength.toLocaleString(locale) }),
          };
        }
        if (spec && (error.code === "REQUIRED" || error.code === "REASONS_REQUIRED")) {
          return { field, message: spec.requiredMessage ?? t("form.errorEnter", { field: inSentence(spec.label) }) };
        }
        return { field, message: describe(error) };
      }),
    [options.fields, t, locale],
  );

  const setValue = useCallback((name: keyof S & string, value: Value) => {
    setValues((old) => ({ ...old, [name]: value }));
  }, []);

  function bind(name: keyof S & string): Bound {
    const spec = options.fields[name];
    return {
      id: fieldId(name),
      name,
      label: spec.label,
      value: values[name],
      required: spec.required ?? false,
      maxLength: spec.maxLength,
      error: errors.find((error) => error.field === name)?.message,
      onChange: (value) => setValue(name, value),
    };
  }

  /** The submit handler: checks, then `send` with the API's values; `send` returns the
   * server's errors (none: the form was sent, and its draft is removed), or KEEP when nothing
   * was sent yet (a check page comes first: the draft stays until the step is confirmed). */
  function onSubmit(send: (values: Values<S>) => Promise<FieldError[] | typeof KEEP | void>) {
    return async (event: FormEvent) => {
      event.preventDefault();
      const found = check(values);
      setErrors(found);
      if (found.length > 0) return;
      const answer = (await send(output(values))) ?? [];
      if (answer === KEEP) return;
      setErrors(answer);
      if (answer.length === 0 && storage) removeDraft(storage);
    };
  }

  function reset() {
    const defaults = Object.fromEntries(
      Object.entries(options.fields).map(([name, spec]) => [name, spec.initial]),
    ) as Values<S>;
    setValues(defaults);
    setErrors([]);
    setRestored(false);
    if (storage) removeDraft(storage);
  }

  return {
    id: formId,
    values,
    errors,
    setErrors,
    setValue,
    bind,
    fieldId,
    onSubmit,
    reset,
    fromUserErrors,
    /** The current values as the API takes them (after a check page: what to send). */
    output: () => output(values),
    /** A draft was restored into the form when it opened. */
    restored,
    dismissRestored: () => setRestored(false),
  };
}

/** Returned by a form's `send` when nothing was sent yet (a check page follows). */
export const KEEP = Symbol("keep");

/** What FormShell needs of a form. */
export interface FormFrame {
  id: string;
  errors: readonly FieldError[];
  fieldId(name: string): string;
  restored: boolean;
  reset(): void;
  dismissRestored(): void;
}

/** Sign-in codes as people type or paste them: spaces, dashes, full-width digits. */
export function normaliseCode(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u00a0\-‐-―_.·]/g, "");
}

/** The form element: no browser bubbles, the summary first. */
export function FormShell({
  form,
  onSubmit,
  children,
  className,
}: {
  form: FormFrame;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <form id={form.id} noValidate onSubmit={onSubmit} className={className}>
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      {form.restored && <RestoredDraft onDiscard={form.reset} onKeep={form.dismissRestored} />}
      {children}
    </form>
  );
}

function RestoredDraft({ onDiscard, onKeep }: { onDiscard(): void; onKeep(): void }) {
  const { t } = useI18n();
  return (
    <div className="govuk-inset-text" data-testid="draft-restored">
      <p className="govuk-body">{t("form.draftRestored")}</p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onKeep}>
          {t("form.draftKeep")}
        </button>
        <button type="button" className="govuk-link parley-link-button" onClick={onDiscard}>
          {t("form.draftDiscard")}
        </button>
      </div>
    </div>
  );
}

/** The GOV.UK error summary: focused when it appears; each link focuses its field; the page
 * title starts with "Error: " while it shows. */
export function ErrorSummary({
  errors,
  fieldId,
}: {
  errors: readonly FieldError[];
  fieldId(name: string): string;
}) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;
  useEffect(() => {
    if (!shown) return;
    box.current?.focus();
    const prefix = t("form.errorTitlePrefix");
    if (!document.title.startsWith(prefix)) document.title = `${prefix}${document.title}`;
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
    };
  }, [shown, errors, t]);
  if (!shown) return null;
  return (
    <div className="govuk-error-summary" ref={box} tabIndex={-1} data-testid="error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t("form.errorSummaryTitle")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error, index) => (
              <li key={index}>
                {error.field ? (
                  <a
                    href={`#${fieldId(error.field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      const control = document.getElementById(fieldId(error.field));
                      control?.focus();
                      // The label and hint above the field stay in view, as GOV.UK does.
                      control?.closest(".govuk-form-group")?.scrollIntoView({ block: "start" });
                    }}
                  >
                    {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Label, hint and inline error around one control; `aria-describedby` ties them together. */
function FormGroup({
  bound,
  hint,
  children,
  extraDescribedBy,
  labelClass,
}: {
  bound: Bound;
  hint?: ReactNode;
  children(describedBy: string | undefined): ReactNode;
  extraDescribedBy?: string;
  labelClass?: string;
}) {
  const { t } = useI18n();
  const described = [
    hint ? `${bound.id}-hint` : null,
    bound.error ? `${bound.id}-error` : null,
    extraDescribedBy ?? null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`govuk-form-group${bound.error ? " govuk-form-group--error" : ""}`}>
      <label className={`govuk-label ${labelClass ?? ""}`} htmlFor={bound.id}>
        {bound.label}
        {!bound.required && !bound.label.endsWith(t("form.optional")) && (
          <span className="parley-optional"> {t("form.optional")}</span>
        )}
      </label>
      {hint && (
        <div id={`${bound.id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {bound.error && (
        <p id={`${bound.id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {bound.error}
        </p>
      )}
      {children(described || undefined)}
    </div>
  );
}

export function TextInput({
  bound,
  hint,
  type = "text",
  autoComplete,
  inputMode,
  width,
  spellCheck,
}: {
  bound: Bound;
  hint?: ReactNode;
  /** "datetime-local": a date and a time, read by the caller in the person's own time zone. */
  type?: "text" | "email" | "tel" | "datetime-local";
  autoComplete?: string;
  inputMode?: "text" | "decimal" | "numeric" | "email";
  /** GOV.UK width class: "20", "10", "5", "4", "3", "2" characters, or full width. */
  width?: "20" | "10" | "5" | "4" | "3" | "2";
  spellCheck?: boolean;
}) {
  return (
    <FormGroup bound={bound} hint={hint}>
      {(describedBy) => (
        <input
          id={bound.id}
          name={bound.name}
          type={type}
          className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${bound.error ? " govuk-input--error" : ""}`}
          value={String(bound.value)}
          onChange={(event) => bound.onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={bound.error ? true : undefined}
          aria-required={bound.required || undefined}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={spellCheck}
        />
      )}
    </FormGroup>
  );
}

/** An amount in the reader's locale ("149,00" or "149.00"); the hint shows an example. */
export function AmountInput({ bound, hint }: { bound: Bound; hint?: ReactNode }) {
  const { t, locale } = useI18n();
  return (
    <TextInput
      bound={bound}
      hint={hint ?? t("form.amountHint", { example: exampleAmount(locale) })}
      inputMode="decimal"
      width="10"
      spellCheck={false}
    />
  );
}

/** A textarea; with `maxLength`, the GOV.UK character count under it (announced politely,
 * never blocking typing: going over is an error on submit, as GOV.UK does). */
export function Textarea({ bound, hint, rows = 5 }: { bound: Bound; hint?: ReactNode; rows?: number }) {
  const { t, locale } = useI18n();
  const count = bound.maxLength === undefined ? null : bound.maxLength - length(String(bound.value));
  const countId = `${bound.id}-info`;
  const message =
    count === null
      ? ""
      : count >= 0
        ? t("form.charactersLeft", { count: count.toLocaleString(locale) })
        : t("form.charactersTooMany", { count: (-count).toLocaleString(locale) });
  return (
    <div className={count === null ? undefined : "govuk-character-count"}>
      <FormGroup bound={bound} hint={hint} extraDescribedBy={count === null ? undefined : countId}>
        {(describedBy) => (
          <>
            <textarea
              id={bound.id}
              name={bound.name}
              rows={rows}
              className={`govuk-textarea${bound.error || (count !== null && count < 0) ? " govuk-textarea--error" : ""}`}
              value={String(bound.value)}
              onChange={(event) => bound.onChange(event.target.value)}
              aria-describedby={describedBy}
              aria-invalid={bound.error ? true : undefined}
              aria-required={bound.required || undefined}
            />
            {count !== null && (
              <div
                id={countId}
                aria-live="polite"
                className={`govuk-character-count__message ${count < 0 ? "govuk-error-message" : "govuk-hint"}`}
              >
                {message}
              </div>
            )}
          </>
        )}
      </FormGroup>
    </div>
  );
}

/** A file to upload (GOV.UK file upload). The field's value is the chosen file's name (so
 * `required` works); the File itself goes to `onFile`, for the form's `validate` to check with
 * `checkFile` before anything is sent. To clear it after sending, give it a new `key`. */
export function FileInput({
  bound,
  hint,
  accept,
  onFile,
}: {
  bound: Bound;
  hint?: ReactNode;
  /** The `accept` attribute: a hint to the browser's picker, never a check. */
  accept?: string;
  onFile(file: File | null): void;
}) {
  return (
    <FormGroup bound={bound} hint={hint}>
      {(describedBy) => (
        <input
          id={bound.id}
          name={bound.name}
          type="file"
          className={`govuk-file-upload${bound.error ? " govuk-file-upload--error" : ""}`}
          accept={accept}
          onChange={(event) => {
            const file = event.target.files?.[0] ?? null;
            onFile(file);
            bound.onChange(file?.name ?? "");
          }}
          aria-describedby={describedBy}
          aria-invalid={bound.error ? true : undefined}
          aria-required={bound.required || undefined}
        />
      )}
    </FormGroup>
  );
}

export function Select({
  bound,
  hint,
  options,
  chooseLabel,
}: {
  bound: Bound;
  hint?: ReactNode;
  options: readonly { value: string; label: string; lang?: string }[];
  chooseLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <FormGroup bound={bound} hint={hint}>
      {(describedBy) => (
        <select
          id={bound.id}
          name={bound.name}
          className={`govuk-select${bound.error ? " govuk-select--error" : ""}`}
          value={String(bound.value)}
          onChange={(event) => bound.onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={bound.error ? true : undefined}
          aria-required={bound.required || undefined}
        >
          <option value="">{chooseLabel ?? t("form.choose")}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}

/** One choice from a few, as GOV.UK radios in a fieldset whose legend is the question. */
export function Radios({
  bound,
  hint,
  options,
  inline,
}: {
  bound: Bound;
  hint?: ReactNode;
  options: readonly { value: string; label: string; hint?: ReactNode }[];
  inline?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className={`govuk-form-group${bound.error ? " govuk-form-group--error" : ""}`}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={[hint ? `${bound.id}-hint` : "", bound.error ? `${bound.id}-error` : ""].join(" ").trim() || undefined}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{bound.label}</legend>
        {hint && (
          <div id={`${bound.id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {bound.error && (
          <p id={`${bound.id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {bound.error}
          </p>
        )}
        <div className={`govuk-radios govuk-radios--small${inline ? " govuk-radios--inline" : ""}`}>
          {options.map((option, index) => {
            // The first radio carries the field's id, so the error summary's link reaches it.
            const id = index === 0 ? bound.id : `${bound.id}-${index}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={bound.id}
                  type="radio"
                  value={option.value}
                  checked={bound.value === option.value}
                  onChange={() => bound.onChange(option.value)}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Some choices from a few, as GOV.UK checkboxes in a fieldset whose legend is the question.
 * The field's value is the chosen values, space-separated (as OAuth writes scopes). */
export function Checkboxes({
  bound,
  hint,
  options,
}: {
  bound: Bound;
  hint?: ReactNode;
  options: readonly { value: string; label: string; hint?: ReactNode }[];
}) {
  const { t } = useI18n();
  const chosen = new Set(String(bound.value).split(" ").filter(Boolean));
  const toggle = (value: string, on: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === value ? on : chosen.has(v)));
    bound.onChange(next.join(" "));
  };
  return (
    <div className={`govuk-form-group${bound.error ? " govuk-form-group--error" : ""}`}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={[hint ? `${bound.id}-hint` : "", bound.error ? `${bound.id}-error` : ""].join(" ").trim() || undefined}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{bound.label}</legend>
        {hint && (
          <div id={`${bound.id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {bound.error && (
          <p id={`${bound.id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {bound.error}
          </p>
        )}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((option, index) => {
            // The first checkbox carries the field's id, so the error summary's link reaches it.
            const id = index === 0 ? bound.id : `${bound.id}-${index}`;
            return (
              <div className="govuk-checkboxes__item" key={option.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={bound.id}
                  type="checkbox"
                  value={option.value}
                  checked={chosen.has(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A statement someone confirms (a checkbox whose `initial` is false). */
export function Checkbox({ bound, hint }: { bound: Bound; hint?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={`govuk-form-group${bound.error ? " govuk-form-group--error" : ""}`}>
      {bound.error && (
        <p id={`${bound.id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {bound.error}
        </p>
      )}
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={bound.id}
            name={bound.name}
            type="checkbox"
            checked={bound.value === true}
            onChange={(event) => bound.onChange(event.target.checked)}
            aria-describedby={[hint ? `${bound.id}-hint` : "", bound.error ? `${bound.id}-error` : ""].join(" ").trim() || undefined}
            aria-invalid={bound.error ? true : undefined}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={bound.id}>
            {bound.label}
          </label>
          {hint && (
            <div id={`${bound.id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** The submit button: disabled while sending (a second press sends nothing twice). */
export function SubmitButton({
  busy,
  children,
  warning,
}: {
  busy?: boolean;
  children: ReactNode;
  /** A step that cannot be undone: the GOV.UK warning button. */
  warning?: boolean;
}) {
  return (
    <button
      type="submit"
      className={`govuk-button${warning ? " govuk-button--warning" : ""}`}
      disabled={busy}
      aria-disabled={busy || undefined}
      data-module="govuk-button"
    >
      {children}
    </button>
  );
}

export interface FileLimits {
  maxFileBytes: number;
  /** Accepted MIME types; empty: any type the server reads. */
  acceptedTypes: readonly string[];
  acceptedExtensions: readonly string[];
}

/** A file checked before it is sent: empty, too large, or of a kind the server refuses. */
export function checkFile(
  file: File,
  limits: FileLimits,
  describe: { bytes(size: number): string; t: ReturnType<typeof useI18n>["t"] },
): string | null {
  if (file.size === 0) return describe.t("form.fileEmpty", { name: file.name });
  if (file.size > limits.maxFileBytes) {
    return describe.t("form.fileTooLarge", { name: file.name, max: describe.bytes(limits.maxFileBytes) });
  }
  const extension = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".")).toLowerCase() : "";
  const typeKnown = limits.acceptedTypes.length === 0 || limits.acceptedTypes.includes(file.type);
  const extensionKnown = limits.acceptedExtensions.length === 0 || limits.acceptedExtensions.includes(extension);
  if (!typeKnown && !extensionKnown) {
    return describe.t("form.fileType", { name: file.name, kinds: limits.acceptedExtensions.join(", ") });
  }
  return null;
}
