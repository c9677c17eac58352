import { Table } from "@codegouvfr/react-dsfr/Table";
import type { ParcoursEvent } from "../../api";
import { roleLabel } from "../../auth/roles";
import { formatDate, formatDateTime } from "../../casework/dates";
import { EVENT_TYPE, labelOf, PARCOURS_STATE } from "../../casework/labels";

function eventLabel(e: ParcoursEvent): string {
  if (EVENT_TYPE[e.type] !== undefined) return EVENT_TYPE[e.type] as string;
  return e.type.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

function transition(e: ParcoursEvent): string {
  const from = e.from ?? "";
  const to = e.to ?? "";
  if (from === "" && to === "") return "—";
  if (from === "" || from === to) return labelOf(PARCOURS_STATE, to);
  return `${labelOf(PARCOURS_STATE, e.from)} → ${labelOf(PARCOURS_STATE, e.to)}`;
}

/** Every transition of the parcours, with its date, its author and its basis (none is ever deleted). */
export function HistoryTable({ events }: { events: ParcoursEvent[] }) {
  return (
    <section aria-labelledby="historique-titre" className="fr-mt-6w">
      <h2 id="historique-titre">Historique</h2>
      {events.length === 0 ? (
        <p>Aucun événement.</p>
      ) : (
        <Table
          caption="Historique du parcours"
          noCaption
          bordered
          headers={["Date", "Événement", "État", "Auteur", "Fondement et motifs", "Enregistré le"]}
          data={events.map((e) => [
            formatDate(e.date ?? e.at),
            eventLabel(e),
            transition(e),
            roleLabel({ role: e.actor_role }),
            [e.basis, e.reasons].filter((x) => x !== null && x !== "").join(" — ") || "—",
            formatDateTime(e.at),
          ])}
        />
      )}
    </section>
  );
}
