import type { Aps, Parcours } from "../../api";
import { formatDate, todayIso } from "../../casework/dates";
import { apsSummary } from "./rights/ApsSection";
import { buildTimeline, type TimelineBlock, type TimelineGap } from "./timeline";

const STATUS_TEXT = { past: "terminée", current: "en cours", future: "à venir" } as const;

function gapText(gap: TimelineGap): string {
  if (gap.to === null) return `Rupture de droits depuis le ${formatDate(gap.from)}`;
  return `Rupture de droits de ${gap.days} jour${gap.days === 1 ? "" : "s"}, du ${formatDate(gap.from)} au ${formatDate(gap.to)}`;
}

function blockText(block: TimelineBlock): string {
  if (block.period === null) return `Période ${block.number} : non autorisée à ce jour.`;
  const status = block.status === null ? "" : ` (${STATUS_TEXT[block.status]})`;
  return `Période ${block.number} : autorisée du ${formatDate(block.period.start)} au ${formatDate(block.period.end)}${status}.`;
}

function Gap({ gap }: { gap: TimelineGap }) {
  return (
    <div className={`parcours-timeline__gap${gap.today ? " parcours-timeline__gap--today" : ""}`}>
      <span className="parcours-timeline__gap-title">Rupture de droits</span>
      <span className="parcours-timeline__gap-dates">
        {gap.to === null ? `depuis le ${formatDate(gap.from)}` : `${gap.days} j (${formatDate(gap.from)} – ${formatDate(gap.to)})`}
      </span>
      {gap.today && <span className="parcours-timeline__today-label">Aujourd'hui</span>}
    </div>
  );
}

function Block({ block }: { block: TimelineBlock }) {
  const filled = block.period !== null;
  const classes = [
    "parcours-timeline__block",
    filled ? "parcours-timeline__block--filled" : "parcours-timeline__block--empty",
    block.status === "current" ? "parcours-timeline__block--current" : "",
  ].join(" ");
  return (
    <div className={classes} data-period={block.number}>
      <span className="parcours-timeline__title">Période {block.number}</span>
      <span className="parcours-timeline__dates">
        {block.period === null ? "Non autorisée" : `${formatDate(block.period.start)} – ${formatDate(block.period.end)}`}
      </span>
      <span className="parcours-timeline__months">
        {Array.from({ length: 6 }, (_, k) => {
          const month = block.months[k];
          return (
            <span
              key={k}
              className={`parcours-timeline__month${month?.today ? " parcours-timeline__month--today" : ""}`}
            />
          );
        })}
      </span>
      {block.months.some((m) => m.today) && <span className="parcours-timeline__today-label">Aujourd'hui</span>}
    </div>
  );
}

/** The 24 months of a parcours: 4 blocks of 6 months, with a text equivalent for assistive technologies. */
export function Timeline({ parcours, aps = [] }: { parcours: Parcours; aps?: Aps[] }) {
  const model = buildTimeline(parcours.periods, parcours.state, todayIso());
  return (
    <section aria-labelledby="frise-titre" className="fr-mt-4w">
      <h2 id="frise-titre">Frise des droits (24 mois)</h2>
      <p>
        {parcours.months_used} mois autorisé{parcours.months_used > 1 ? "s" : ""} sur {parcours.max_months} —{" "}
        {parcours.months_left} mois restant{parcours.months_left > 1 ? "s" : ""}.
      </p>
      <div className="parcours-timeline" aria-hidden="true">
        {model.todayBefore && <span className="parcours-timeline__today-start">Aujourd'hui</span>}
        <div className="parcours-timeline__track">
          {model.blocks.map((block) => (
            <div key={block.number} className="parcours-timeline__slot">
              {block.gapBefore !== null && <Gap gap={block.gapBefore} />}
              <Block block={block} />
            </div>
          ))}
        </div>
      </div>
      {aps.length > 0 && (
        <div className="parcours-timeline__aps" id="frise-aps">
          <span className="parcours-timeline__title">Séjour :</span>
          {aps.map((a) => (
            <span key={a.id} className="parcours-timeline__aps-item">
              {apsSummary(a)}
            </span>
          ))}
        </div>
      )}
      <ul className="fr-sr-only" id="frise-texte">
        {model.blocks.map((block) => (
          <li key={block.number}>
            {block.gapBefore !== null && `${gapText(block.gapBefore)}. `}
            {blockText(block)}
          </li>
        ))}
        <li>
          Aujourd'hui, {formatDate(model.today)} : {model.todayText}.
        </li>
      </ul>
    </section>
  );
}
