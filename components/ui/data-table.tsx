import type { ReactNode } from "react";

/** One header cell of a data table. */
export type DataTableColumn = {
  /** React key of the header cell. */
  key: string;
  label: ReactNode;
  /** Words are read from the left (the table's default), figures from the right ("end"). */
  align?: "start" | "end";
  /** This header cell's own classes: width, a sticky first column, a background. */
  className?: string;
};

/**
 * How narrow the table may get before it scrolls sideways in its frame: the frame's width ("full"),
 * or a fixed width (the whole frame's width when there is more room).
 */
const MIN_WIDTH_CLASS = {
  full: "min-w-full",
  "36rem": "w-full min-w-[36rem]",
  "40rem": "w-full min-w-[40rem]",
  "44rem": "w-full min-w-[44rem]",
  "52rem": "w-full min-w-[52rem]",
} as const;

/** A frame that also stops growing downwards scrolls both ways, its header row kept in view. */
const MAX_HEIGHT_CLASS = { "32rem": "max-h-[32rem] overflow-y-auto" } as const;

const ALIGN_CLASS = { start: "text-left", end: "text-right" } as const;

type Caption = { id?: string; text: ReactNode };

/**
 * The frame is a region, so it needs a name: a heading of the page (its id), a label, or the
 * table's own caption (read by screen readers only).
 */
type DataTableName =
  | { labelledBy: string; label?: undefined; caption?: Caption }
  | { label: string; labelledBy?: undefined; caption?: Caption }
  | { caption: Caption & { id: string }; labelledBy?: undefined; label?: undefined };

export type DataTableProps = DataTableName & {
  columns: DataTableColumn[];
  /** The rows (`<tr>`s), each page's own. */
  children: ReactNode;
  minWidth?: keyof typeof MIN_WIDTH_CLASS;
  maxHeight?: keyof typeof MAX_HEIGHT_CLASS;
  /** The header row stays at the top of the frame while its rows scroll under it. */
  hasStickyHeader?: boolean;
  /** The header cells' text sits at the bottom of the header row (headers of unequal heights). */
  isHeaderBottomAligned?: boolean;
  /** Classes added to every header cell. */
  headerCellClassName?: string;
  /** Classes added to the frame (e.g. shown from one screen width on). */
  frameClassName?: string;
  /** Classes added to the table (e.g. its borders' model). */
  className?: string;
} & { [dataAttribute: `data-${string}`]: string | undefined };

function joinClasses(...classes: (string | false | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}

/** The frame's accessible name: `aria-labelledby` (a heading's or the caption's id) or `aria-label`. */
export function regionName(name: DataTableName): { "aria-labelledby"?: string; "aria-label"?: string } {
  if (name.labelledBy !== undefined) return { "aria-labelledby": name.labelledBy };
  if (name.label !== undefined) return { "aria-label": name.label };
  return { "aria-labelledby": name.caption.id };
}

export function frameClass({ maxHeight, frameClassName }: Pick<DataTableProps, "maxHeight" | "frameClassName">): string {
  return joinClasses("relative overflow-x-auto rounded-lg border border-neutral-200 bg-white", maxHeight && MAX_HEIGHT_CLASS[maxHeight], frameClassName);
}

export function tableClass({ minWidth = "full", className }: Pick<DataTableProps, "minWidth" | "className">): string {
  return joinClasses(MIN_WIDTH_CLASS[minWidth], className, "text-left text-sm");
}

export function headClass({ hasStickyHeader, isHeaderBottomAligned }: Pick<DataTableProps, "hasStickyHeader" | "isHeaderBottomAligned">): string {
  return joinClasses(hasStickyHeader && "sticky top-0", "bg-neutral-50", isHeaderBottomAligned && "align-bottom");
}

export function headerCellClass(column: DataTableColumn, headerCellClassName?: string): string {
  return joinClasses(column.className, "px-3 py-2", headerCellClassName, column.align && ALIGN_CLASS[column.align]);
}

/**
 * A table of data as every list of the platform shows one: in a bordered frame that scrolls
 * sideways on a phone (the page itself never does) and that the keyboard reaches (tabIndex 0, a
 * named region), a caption for screen readers, and a header row of `scope="col"` cells. The frame
 * is `relative` so that the visually hidden caption and labels (absolutely placed) stay inside it.
 * The rows are the page's own `<tr>`s.
 */
export function DataTable(props: DataTableProps) {
  const { columns, children, minWidth, maxHeight, hasStickyHeader, isHeaderBottomAligned, headerCellClassName, frameClassName, className, labelledBy, label, caption, ...rest } = props;
  const dataAttributes = Object.fromEntries(Object.entries(rest).filter(([name]) => name.startsWith("data-")));
  return (
    <div className={frameClass({ maxHeight, frameClassName })} role="region" {...regionName({ labelledBy, label, caption } as DataTableName)} tabIndex={0}>
      <table className={tableClass({ minWidth, className })} {...dataAttributes}>
        {caption && (
          <caption id={caption.id} className="sr-only">
            {caption.text}
          </caption>
        )}
        <thead className={headClass({ hasStickyHeader, isHeaderBottomAligned })}>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={headerCellClass(column, headerCellClassName)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
