/** A plain GET form to /search: works without JavaScript. */
export function SearchForm({ label, submitLabel, defaultValue = "" }: { label: string; submitLabel: string; defaultValue?: string }) {
  return (
    <form role="search" action="/search" className="flex items-end gap-2 rounded-lg border border-neutral-200 bg-white p-3">
      <div className="min-w-0 flex-1">
        <label htmlFor="search-q" className="block text-sm font-medium">
          {label}
        </label>
        <input id="search-q" name="q" type="search" defaultValue={defaultValue} maxLength={100} className="mt-1 block w-full rounded border border-neutral-400 px-3 py-2" />
      </div>
      <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {submitLabel}
      </button>
    </form>
  );
}
