import type { FormHTMLAttributes, HTMLAttributes, ReactNode } from "react";

const GAP_CLASS = { 2: "space-y-2", 3: "space-y-3", 4: "space-y-4", 5: "space-y-5", 6: "space-y-6" } as const;
const PADDING_CLASS = { 4: "p-4", 5: "p-5", 6: "p-6" } as const;
const BORDER_CLASS = { plain: "border-neutral-200", danger: "border-red-300" } as const;
const HEADING_CLASS = { lg: "text-lg font-semibold", xl: "text-xl font-semibold" } as const;

type Frame = {
  /** Space between the card's children (Tailwind's spacing scale). */
  gap?: keyof typeof GAP_CLASS;
  padding?: keyof typeof PADDING_CLASS;
  /** "danger": the frame of what cannot be undone (erasing an account). */
  tone?: keyof typeof BORDER_CLASS;
  /** Classes added to the card (e.g. a maximum width). */
  className?: string;
  children: ReactNode;
};

/** A card with a heading is a region named by it (`aria-labelledby`). */
type Heading =
  | { heading: ReactNode; headingId: string; headingSize?: keyof typeof HEADING_CLASS }
  | { heading?: undefined; headingId?: undefined; headingSize?: undefined };

/** The card is a `<section>` around its forms, a `<div>`, or the `<form>` itself (then it takes the form's attributes). */
type Element =
  | ({ as?: "section" | "div" } & Omit<HTMLAttributes<HTMLElement>, "className" | "children">)
  | ({ as: "form" } & Omit<FormHTMLAttributes<HTMLFormElement>, "className" | "children">);

export type FormCardProps = Frame & Heading & Element;

export function formCardClass({ gap = 4, padding = 5, tone = "plain", className }: Pick<Frame, "gap" | "padding" | "tone" | "className">): string {
  return [className, GAP_CLASS[gap], "rounded-lg border", BORDER_CLASS[tone], "bg-white", PADDING_CLASS[padding]].filter(Boolean).join(" ");
}

/**
 * The frame of the platform's forms: a bordered white card, usually titled by an `<h2>` that names
 * it, holding the form's fields, its message and its button (the form's own markup).
 */
export function FormCard(props: FormCardProps) {
  const { as = "section", gap, padding, tone, className, heading, headingId, headingSize = "xl", children, ...attributes } = props;
  const Card = as as "section";
  return (
    <Card aria-labelledby={heading === undefined ? undefined : headingId} className={formCardClass({ gap, padding, tone, className })} {...(attributes as HTMLAttributes<HTMLElement>)}>
      {heading !== undefined && (
        <h2 id={headingId} className={HEADING_CLASS[headingSize]}>
          {heading}
        </h2>
      )}
      {children}
    </Card>
  );
}
