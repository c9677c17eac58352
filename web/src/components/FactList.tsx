import type { ReactNode } from "react";

/** A term and its value in a `FactList`. */
export function Fact({ term, children, id }: { term: string; children: ReactNode; id?: string }) {
  return (
    <div className="parcours-dl__item" {...(id !== undefined ? { id } : {})}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A grid of facts (description list). */
export function FactList({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={`parcours-dl${className ? ` ${className}` : ""}`}>{children}</dl>;
}
