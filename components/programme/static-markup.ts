import "server-only";
import { Fragment, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * Static markup: what is the same for every learner (the programme's lists, a module's texts and
 * comparison) is rendered to an HTML string once per process and reused by every request, instead
 * of being rendered, serialised into the RSC payload element by element and rendered again to HTML
 * on each request. Next.js does not let server components use react-dom/server, hence this small
 * renderer for plain markup: host elements, fragments, arrays, text and plain function components
 * (no hooks, no context, no client components; event handlers are left out). A <Slot> marks where
 * the learner's own part (a status, a progress bar) goes in at request time.
 */
export type Template = { parts: string[]; slots: string[] };

/** Where per-request markup goes into a template; renders nothing by itself. */
export function Slot(_props: { name: string }): ReactNode {
  return null;
}

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const ATTRIBUTE_NAMES: Record<string, string> = { className: "class", htmlFor: "for", tabIndex: "tabindex", colSpan: "colspan", rowSpan: "rowspan", maxLength: "maxlength", readOnly: "readonly", autoComplete: "autocomplete", defaultValue: "value", defaultChecked: "checked" };
const SKIPPED_PROPS = new Set(["children", "key", "ref", "dangerouslySetInnerHTML", "suppressHydrationWarning"]);
// Unquoted attribute values are valid HTML when they hold none of: space " ' = < > ` (and, to stay
// clear of "/>", do not end with a slash). They keep the page, and its RSC payload copy, shorter.
const ATTRIBUTE_ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };
const UNQUOTED = /^[A-Za-z0-9_.:#%,;()\-/]*[A-Za-z0-9_.:#%,;()\-]$/;

/** Text content: `&`, `<` and `>` are all that HTML needs escaped there (quotes are plain text). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Attribute values: unquoted when safe (see UNQUOTED), else in double quotes with `& " < >` escaped. */
function attributeValue(value: string): string {
  return UNQUOTED.test(value) ? value : `"${value.replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!)}"`;
}

function styleText(style: Record<string, string | number>): string {
  return Object.entries(style)
    .map(([name, value]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`)
    .join(";");
}

function attributes(props: Record<string, unknown>): string {
  let out = "";
  for (const [name, value] of Object.entries(props)) {
    if (SKIPPED_PROPS.has(name) || value === undefined || value === null || typeof value === "function") continue;
    const attribute = ATTRIBUTE_NAMES[name] ?? name;
    if (typeof value === "boolean") {
      // aria-* and data-* carry "true"/"false"; other boolean attributes are present or absent.
      if (attribute.startsWith("aria-") || attribute.startsWith("data-")) out += ` ${attribute}=${value}`;
      else if (value) out += ` ${attribute}`;
      continue;
    }
    const text = name === "style" && typeof value === "object" ? styleText(value as Record<string, string | number>) : String(value);
    out += ` ${attribute}=${attributeValue(text)}`;
  }
  return out;
}

class Builder {
  readonly parts: string[] = [""];
  readonly slots: string[] = [];

  text(html: string) {
    this.parts[this.parts.length - 1] += html;
  }

  slot(name: string) {
    this.slots.push(name);
    this.parts.push("");
  }
}

function render(node: ReactNode, out: Builder): void {
  if (node === null || node === undefined || typeof node === "boolean") return;
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") {
    out.text(escapeText(String(node)));
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) render(child as ReactNode, out);
    return;
  }
  if (!isValidElement(node)) throw new Error("Static markup: only elements, text and arrays can be rendered");
  const { type, props } = node as ReactElement<Record<string, unknown>>;
  if (type === Fragment) return render(props.children as ReactNode, out);
  if (type === Slot) return out.slot(props.name as string);
  if (typeof type === "function") return render((type as (p: Record<string, unknown>) => ReactNode)(props), out);
  if (typeof type !== "string") throw new Error("Static markup: client components, context and lazy elements cannot be rendered");
  out.text(`<${type}${attributes(props)}>`);
  if (VOID_ELEMENTS.has(type)) return;
  const inner = props.dangerouslySetInnerHTML as { __html: string } | undefined;
  if (inner) out.text(inner.__html);
  else render(props.children as ReactNode, out);
  out.text(`</${type}>`);
}

/** Renders markup with its slots left open. */
export function renderTemplate(node: ReactNode): Template {
  const out = new Builder();
  render(node, out);
  return { parts: out.parts, slots: out.slots };
}

/** Renders markup that has no slot. */
export function renderStaticMarkup(node: ReactNode): string {
  const { parts } = renderTemplate(node);
  if (parts.length !== 1) throw new Error("Static markup: a slot was left open; use renderTemplate and fillTemplate");
  return parts[0]!;
}

/** The template with each slot replaced by the markup the request gives it (empty when none). */
export function fillTemplate(template: Template, fill: (slot: string) => string): string {
  let html = template.parts[0]!;
  for (let i = 0; i < template.slots.length; i++) html += fill(template.slots[i]!) + template.parts[i + 1]!;
  return html;
}
