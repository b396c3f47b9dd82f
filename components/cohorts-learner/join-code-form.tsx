import type { Translate } from "@/lib/i18n";

/**
 * A plain GET form to /join: works without JavaScript. /join normalizes the code and sends the
 * visitor on to /join/<CODE>, or shows this form again with the error.
 */
export function JoinCodeForm({
  t,
  id = "join-code",
  defaultValue,
  error,
  submitLabel,
}: {
  t: Translate;
  id?: string;
  defaultValue?: string;
  error?: string;
  submitLabel?: string;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form action="/join" method="get" className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("join.codeLabel")}
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <input
          id={id}
          name="code"
          defaultValue={defaultValue}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
          className="block w-full max-w-xs rounded border border-neutral-400 bg-white px-3 py-2 font-mono text-base tracking-wider uppercase aria-[invalid=true]:border-red-700"
        />
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {submitLabel ?? t("join.codeSubmit")}
        </button>
      </div>
      <p id={hintId} className="text-sm text-neutral-600">
        {t("join.codeHint")}
      </p>
      {error && (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
