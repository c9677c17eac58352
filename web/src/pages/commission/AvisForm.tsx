import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { recordSeanceAvis, type AgendaItem, type AvisOutcome, type Seance, type Vote } from "../../api";
import { FormError } from "../../components/FormError";
import { ATTENDANCE_STATUS, VOTE } from "../../casework/commissionLabels";
import { labelOf, optionsOf } from "../../casework/labels";
import { useSubmit } from "../../casework/useSubmit";

const OUTCOMES: [AvisOutcome, string][] = [
  ["favorable", "Favorable"],
  ["defavorable", "Défavorable"],
  ["ajourne", "Ajourné (la demande retourne à l'association avec les questions de la commission)"],
];

export const RECUSAL_TEXT = "Ne prend pas part au vote : représente l'association qui a préparé la demande";

interface Props {
  seance: Seance;
  item: AgendaItem;
  onSaved: (s: Seance) => void;
}

/** The avis on one tabled demande: outcome, reasons, each voter's vote (recused members cannot vote). */
export function AvisForm({ seance, item, onSaved }: Props) {
  const prefix = `avis-${item.demande_id}`;
  const [outcome, setOutcome] = useState<AvisOutcome | "">("");
  const [reasons, setReasons] = useState("");
  const [votes, setVotes] = useState<Record<number, Vote>>({});
  const [casting, setCasting] = useState(false);
  const [sent, setSent] = useState<number[]>([]);
  const { error, submitting, run } = useSubmit();
  const voters = seance.attendance.filter((a) => a.status === "present" || a.status === "represented");
  const recused = (associationId: number | null) => associationId !== null && associationId === item.association_id;
  const count = (v: Vote) => Object.values(votes).filter((x) => x === v).length;
  const tie = count("pour") === count("contre") && count("pour") > 0;

  /** A server error on `votes[i].member_id` (e.g. 409 member_recused) goes next to that member. */
  const voteError = (memberId: number) => {
    if (error === null || error.field === undefined) return {};
    const m = /^votes\[(\d+)\]/.exec(error.field);
    if (m === null || sent[Number(m[1])] !== memberId) return {};
    return { state: "error" as const, stateRelatedMessage: error.message };
  };
  const fieldError = (...fields: string[]) =>
    error !== null && error.field !== undefined && fields.includes(error.field)
      ? { state: "error" as const, stateRelatedMessage: error.message }
      : {};
  const mappedToField =
    error !== null &&
    error.field !== undefined &&
    (/^votes\[\d+\]/.test(error.field) || ["outcome", "reasons", "chair_casting_vote"].includes(error.field));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const list = Object.entries(votes).map(([id, vote]) => ({ member_id: Number(id), vote }));
    setSent(list.map((v) => v.member_id));
    void run(async () =>
      onSaved(
        await recordSeanceAvis(seance.id, {
          demande_id: item.demande_id,
          outcome: outcome as AvisOutcome,
          reasons: reasons.trim(),
          votes: list,
          ...(tie ? { chair_casting_vote: casting } : {}),
        }),
      ),
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Avis sur la demande de ${item.pseudonym}`} data-demande-id={item.demande_id}>
      {error !== null && (
        <FormError
          level={4}
          title="Avis non enregistré"
          message={mappedToField ? "Corrigez le champ signalé ci-dessous." : error.message}
        />
      )}
      <RadioButtons
        legend="Avis de la commission *"
        name={`${prefix}.outcome`}
        {...fieldError("outcome")}
        options={OUTCOMES.map(([code, label]) => ({
          label,
          nativeInputProps: { value: code, checked: outcome === code, onChange: () => setOutcome(code) },
        }))}
      />
      <Input
        label={outcome === "" || outcome === "favorable" ? "Motifs" : "Motifs *"}
        hintText="Obligatoires pour un avis défavorable ; pour un ajournement, indiquez les questions posées à l'association. Ils figurent au procès-verbal."
        textArea
        {...fieldError("reasons")}
        nativeTextAreaProps={{ name: `${prefix}.reasons`, rows: 3, value: reasons, onChange: (e) => setReasons(e.target.value) }}
      />
      <fieldset className="fr-fieldset" aria-labelledby={`${prefix}-votes-legend`}>
        <legend className="fr-fieldset__legend" id={`${prefix}-votes-legend`}>
          Votes des membres présents ou représentés
          <span className="fr-hint-text">
            Résultat : {count("pour")} pour, {count("contre")} contre, {count("abstention")} abstention
            {count("abstention") > 1 ? "s" : ""}. L'avis suit la majorité des suffrages exprimés.
          </span>
        </legend>
        {voters.length === 0 && <p className="fr-fieldset__element">Aucun membre présent ou représenté.</p>}
        {voters.map((a) => {
          const out = recused(a.association_id);
          const presence = `${labelOf(ATTENDANCE_STATUS, a.status).toLowerCase()}${a.represented_by ? ` par ${a.represented_by}` : ""}`;
          return (
            <div key={a.member_id} className="fr-fieldset__element" data-member-id={a.member_id} data-recused={out}>
              <RadioButtons
                legend={`${a.name} (${presence})`}
                {...(out ? { hintText: RECUSAL_TEXT } : {})}
                name={`${prefix}.vote-${a.member_id}`}
                orientation="horizontal"
                small
                disabled={out}
                {...voteError(a.member_id)}
                options={optionsOf(VOTE).map(([code, label]) => ({
                  label,
                  nativeInputProps: {
                    value: code,
                    checked: votes[a.member_id] === code,
                    onChange: () => setVotes((v) => ({ ...v, [a.member_id]: code })),
                  },
                }))}
              />
            </div>
          );
        })}
      </fieldset>
      {tie && (
        <Checkbox
          {...fieldError("chair_casting_vote")}
          options={[
            {
              label: "Voix prépondérante de la présidence",
              hintText: "Partage des voix : cochez si la présidence a tranché dans le sens de l'avis indiqué.",
              nativeInputProps: { name: `${prefix}.chair_casting_vote`, checked: casting, onChange: (e) => setCasting(e.target.checked) },
            },
          ]}
        />
      )}
      <Button type="submit" disabled={submitting}>
        Enregistrer l'avis
      </Button>
    </form>
  );
}
