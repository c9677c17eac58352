import { useState, type FormEvent } from "react";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { addFollowup, listFollowups, type ApiError, type DocumentAction, type Followup, type FollowupKind } from "../../api";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { formatDate, todayIso } from "../../casework/dates";
import { fieldState } from "../../casework/fields";
import { FOLLOWUP_KIND, labelOf, optionsOf } from "../../casework/labels";
import { asApiError, useResource } from "../../casework/useResource";
import { DateField } from "../../components/DateField";

interface Props {
  parcoursId: number;
  actions: DocumentAction[];
  canEdit: boolean;
}

/** The follow-up log, newest first (as the server sends it), and the form to add an entry. */
export function FollowupsSection({ parcoursId, actions, canEdit }: Props) {
  const followups = useResource(`followups|${parcoursId}`, (signal) => listFollowups(parcoursId, { signal }));
  return (
    <section aria-labelledby="suivi-titre" className="fr-mt-6w">
      <h2 id="suivi-titre">Journal de suivi</h2>
      {followups.status === "loading" && <Loading />}
      {followups.status === "error" && <FormError level={3} title="Journal indisponible" message={followups.error.message} />}
      {followups.status === "ready" && <FollowupList items={followups.data.items} actions={actions} />}
      {canEdit && <FollowupForm parcoursId={parcoursId} actions={actions} onAdded={followups.reload} />}
    </section>
  );
}

function FollowupList({ items, actions }: { items: Followup[]; actions: DocumentAction[] }) {
  if (items.length === 0) return <p>Aucune entrée dans le journal de suivi.</p>;
  return (
    <ol className="parcours-log">
      {items.map((f) => {
        const action = f.action_index !== undefined && f.action_index !== null ? actions[f.action_index] : undefined;
        return (
          <li key={f.id} className="parcours-log__item">
            <p className="fr-mb-1v">
              <strong>{formatDate(f.date)}</strong> — {f.kind_label ?? labelOf(FOLLOWUP_KIND, f.kind)}
              {f.post_parcours && (
                <>
                  {" "}
                  <Badge as="span" small noIcon>
                    Après le parcours
                  </Badge>
                </>
              )}
            </p>
            {action !== undefined && <p className="fr-text--sm fr-mb-1v">Action : {action.description}</p>}
            <p className="fr-mb-1v parcours-prewrap">{f.text}</p>
            {f.difficulties.length > 0 && (
              <p className="fr-text--sm fr-mb-0">Difficultés : {f.difficulties.join(" ; ")}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function FollowupForm({ parcoursId, actions, onAdded }: { parcoursId: number; actions: DocumentAction[]; onAdded: () => void }) {
  const [date, setDate] = useState(todayIso());
  const [kind, setKind] = useState<FollowupKind>("interview");
  const [actionIndex, setActionIndex] = useState("");
  const [difficulties, setDifficulties] = useState("");
  const [text, setText] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await addFollowup(parcoursId, {
        date,
        kind,
        ...(actionIndex !== "" ? { action_index: Number(actionIndex) } : {}),
        difficulties: difficulties
          .split("\n")
          .map((d) => d.trim())
          .filter((d) => d !== ""),
        text: text.trim(),
      });
      setText("");
      setDifficulties("");
      setActionIndex("");
      onAdded();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="suivi-form-titre" className="fr-mt-3w">
      <h3 id="suivi-form-titre" className="fr-h6">
        Ajouter une entrée au journal
      </h3>
      {error !== null && <FormError level={4} title="Entrée non enregistrée" message={error.message} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <DateField
            label="Date *"
            name="followup.date"
            required
            errorProps={fieldState(error, "date")}
            value={date}
            onChange={setDate}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Type *"
            {...fieldState(error, "kind")}
            nativeSelectProps={{ name: "followup.kind", value: kind, onChange: (e) => setKind(e.target.value as FollowupKind) }}
          >
            {optionsOf(FOLLOWUP_KIND).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Action concernée"
            {...fieldState(error, "action_index")}
            nativeSelectProps={{ name: "followup.action_index", value: actionIndex, onChange: (e) => setActionIndex(e.target.value) }}
          >
            <option value="">Aucune en particulier</option>
            {actions.map((a, i) => (
              <option key={i} value={String(i)}>
                {`Action ${i + 1} : ${a.description}`}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Input
        label="Compte rendu *"
        textArea
        {...fieldState(error, "text")}
        nativeTextAreaProps={{ name: "followup.text", rows: 4, value: text, onChange: (e) => setText(e.target.value) }}
      />
      <Input
        label="Difficultés rencontrées"
        hintText="Une difficulté par ligne"
        textArea
        {...fieldState(error, "difficulties")}
        nativeTextAreaProps={{
          name: "followup.difficulties",
          rows: 2,
          value: difficulties,
          onChange: (e) => setDifficulties(e.target.value),
        }}
      />
      <Button type="submit" priority="secondary" disabled={submitting}>
        Ajouter au journal
      </Button>
    </form>
  );
}
