// The two frames every list and every form of the platform share (components/ui/): what they
// render for a screen reader and a keyboard (the region's name, its tab stop, the header cells'
// scope) and which classes each option gives, since the pages' look rests on them.
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, frameClass, headClass, headerCellClass, regionName, tableClass, type DataTableProps } from "@/components/ui/data-table";
import { FormCard, formCardClass, type FormCardProps } from "@/components/ui/form-card";

const row = createElement("tr", null, createElement("td", null, "Lina"));
const renderTable = (props: Omit<DataTableProps, "children">, children: ReactNode = row) => renderToStaticMarkup(createElement(DataTable, props as DataTableProps, children));
const renderCard = (props: FormCardProps) => renderToStaticMarkup(createElement(FormCard, props));

describe("DataTable", () => {
  it.each([
    { name: "no alignment: the table's own (left)", column: { key: "a", label: "A" }, extra: undefined, expected: "px-3 py-2" },
    { name: "words", column: { key: "a", label: "A", align: "start" as const }, extra: undefined, expected: "px-3 py-2 text-left" },
    { name: "figures", column: { key: "a", label: "A", align: "end" as const }, extra: undefined, expected: "px-3 py-2 text-right" },
    { name: "the table's classes for every header cell", column: { key: "a", label: "A", align: "end" as const }, extra: "align-bottom font-semibold", expected: "px-3 py-2 align-bottom font-semibold text-right" },
    { name: "the column's own classes first", column: { key: "a", label: "A", className: "sticky left-0 bg-neutral-50" }, extra: "align-top", expected: "sticky left-0 bg-neutral-50 px-3 py-2 align-top" },
  ])("a header cell's classes: $name", ({ column, extra, expected }) => {
    expect(headerCellClass(column, extra)).toBe(expected);
  });

  it.each([
    { name: "a heading of the page", input: { labelledBy: "users-heading" }, expected: { "aria-labelledby": "users-heading" } },
    { name: "a label", input: { label: "Tableau : entonnoir", caption: { text: "…" } }, expected: { "aria-label": "Tableau : entonnoir" } },
    { name: "its caption", input: { caption: { id: "audit-caption", text: "Journal" } }, expected: { "aria-labelledby": "audit-caption" } },
  ])("the frame is named by $name", ({ input, expected }) => {
    expect(regionName(input as Parameters<typeof regionName>[0])).toEqual(expected);
  });

  it.each([
    { name: "default", input: {}, frame: "relative overflow-x-auto rounded-lg border border-neutral-200 bg-white", table: "min-w-full text-left text-sm", head: "bg-neutral-50" },
    {
      name: "fixed width, borders of its own",
      input: { minWidth: "40rem" as const, className: "border-separate border-spacing-0", isHeaderBottomAligned: true },
      frame: "relative overflow-x-auto rounded-lg border border-neutral-200 bg-white",
      table: "w-full min-w-[40rem] border-separate border-spacing-0 text-left text-sm",
      head: "bg-neutral-50 align-bottom",
    },
    {
      name: "a tall table: its frame scrolls down too, its header row stays",
      input: { maxHeight: "32rem" as const, hasStickyHeader: true, frameClassName: "hidden md:block" },
      frame: "relative overflow-x-auto rounded-lg border border-neutral-200 bg-white max-h-[32rem] overflow-y-auto hidden md:block",
      table: "min-w-full text-left text-sm",
      head: "sticky top-0 bg-neutral-50",
    },
  ])("options: $name", ({ input, frame, table, head }) => {
    expect(frameClass(input)).toBe(frame);
    expect(tableClass(input)).toBe(table);
    expect(headClass(input)).toBe(head);
  });

  it("renders a keyboard-reachable named region around a captioned table with column headers, the rows as given", () => {
    const html = renderTable({
      caption: { id: "learners-caption", text: "Apprenant·es du groupe" },
      minWidth: "36rem",
      "data-testid": "learners",
      columns: [
        { key: "name", label: "Nom" },
        { key: "count", label: "Modules", align: "end" },
      ],
    });
    expect(html).toBe(
      '<div class="relative overflow-x-auto rounded-lg border border-neutral-200 bg-white" role="region" aria-labelledby="learners-caption" tabindex="0">' +
        '<table class="w-full min-w-[36rem] text-left text-sm" data-testid="learners">' +
        '<caption id="learners-caption" class="sr-only">Apprenant·es du groupe</caption>' +
        '<thead class="bg-neutral-50"><tr><th scope="col" class="px-3 py-2">Nom</th><th scope="col" class="px-3 py-2 text-right">Modules</th></tr></thead>' +
        "<tbody><tr><td>Lina</td></tr></tbody></table></div>",
    );
  });

  it("labelled by a heading or a label, it has no caption unless given one; only data-* attributes reach the table", () => {
    const byHeading = renderTable({ labelledBy: "users-heading", columns: [{ key: "a", label: "A" }] });
    expect(byHeading).toContain('role="region" aria-labelledby="users-heading" tabindex="0"');
    expect(byHeading).not.toContain("<caption");
    const byLabel = renderTable({ label: "Tableau : profils", caption: { text: "Profils" }, "data-stat-table": "profiles", columns: [{ key: "a", label: "A" }] });
    expect(byLabel).toContain('role="region" aria-label="Tableau : profils" tabindex="0"');
    expect(byLabel).toContain('<table class="min-w-full text-left text-sm" data-stat-table="profiles"><caption class="sr-only">Profils</caption>');
  });
});

describe("FormCard", () => {
  it.each([
    { name: "default", input: {}, expected: "space-y-4 rounded-lg border border-neutral-200 bg-white p-5" },
    { name: "sign-up", input: { gap: 6 as const, padding: 6 as const }, expected: "space-y-6 rounded-lg border border-neutral-200 bg-white p-6" },
    { name: "erasure", input: { tone: "danger" as const }, expected: "space-y-4 rounded-lg border border-red-300 bg-white p-5" },
    { name: "narrow", input: { gap: 2 as const, className: "max-w-2xl" }, expected: "max-w-2xl space-y-2 rounded-lg border border-neutral-200 bg-white p-5" },
  ])("classes: $name", ({ input, expected }) => {
    expect(formCardClass(input)).toBe(expected);
  });

  it.each([
    {
      name: "a section named by its heading",
      props: { id: "erase", headingId: "erase-heading", heading: "Supprimer mon compte", tone: "danger" as const },
      expected: '<section aria-labelledby="erase-heading" class="space-y-4 rounded-lg border border-red-300 bg-white p-5" id="erase"><h2 id="erase-heading" class="text-xl font-semibold">Supprimer mon compte</h2>…</section>',
    },
    { name: "an untitled frame", props: { as: "div" as const }, expected: '<div class="space-y-4 rounded-lg border border-neutral-200 bg-white p-5">…</div>' },
  ])("renders $name", ({ props, expected }) => {
    expect(renderCard({ ...props, children: "…" })).toBe(expected);
  });

  it("renders the form itself, with the form's attributes", () => {
    const html = renderCard({ as: "form", method: "get", action: "/admin/audit", noValidate: true, headingId: "audit-filters-title", heading: "Filtrer", headingSize: "lg", padding: 4, children: "…" });
    expect(html).toMatch(/^<form aria-labelledby="audit-filters-title" class="space-y-4 rounded-lg border border-neutral-200 bg-white p-4" [^>]*><h2 id="audit-filters-title" class="text-lg font-semibold">Filtrer<\/h2>…<\/form>$/);
    for (const attribute of ['method="get"', 'action="/admin/audit"', 'noValidate=""']) expect(html).toContain(attribute);
  });

  it("a heading needs the id that names the card (type check)", () => {
    // @ts-expect-error: a heading without headingId would leave the region unnamed.
    const props: FormCardProps = { heading: "Titre", children: null };
    expect(props.heading).toBe("Titre");
  });
});
