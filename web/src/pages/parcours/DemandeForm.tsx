import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { createDemande, updateDemande, type ApiError, type Demande, type DemandeBody, type DemandeKind } from "../../api";
import { FormError } from "../../components/FormError";
import { anyFieldState, fieldState } from "../../casework/fields";
import { asApiError } from "../../casework/useResource";
import { AttachmentsFieldset, type KeyedAttachment } from "./AttachmentsFieldset";
import { MissingChecklist } from "./MissingChecklist";

interface Props {
  parcoursId: number;
  kind: DemandeKind;
  /** The draft being edited, or null to create one. */
  draft: Demande | null;
  onSaved: (d: Demande) => void;
  onCancel: () => void;
}

type FormState = Omit<DemandeBody, "attachments" | "kind"> & { attachments: KeyedAttachment[] };

function initialState(draft: Demande | null): FormState {
  return {
    association_opinion: draft?.association_opinion ?? { favourable: null, text: "" },
    expected_results: draft?.expected_results ?? "",
    achieved_results: draft?.achieved_results ?? "",
    difficulties: draft?.difficulties ?? "",
    sworn_statement_declared: draft?.sworn_statement_declared ?? false,
    attachments: (draft?.attachments ?? []).map((a, i) => ({ ...a, key: i + 1 })),
  };
}

export function DemandeForm({ parcoursId, kind, draft, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<FormState>(() => initialState(draft));
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const renewal = kind === "renouvellement";
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    const body: DemandeBody = {
      kind,
      association_opinion: { favourable: form.association_opinion.favourable, text: form.association_opinion.text.trim() },
      expected_results: form.expected_results.trim(),
      achieved_results: renewal ? form.achieved_results.trim() : "",
      difficulties: renewal ? form.difficulties.trim() : "",
      sworn_statement_declared: form.sworn_statement_declared,
      attachments: form.attachments.map(({ kind: k, label }) => ({ kind: k, label: label.trim() })),
    };
    try {
      onSaved(draft === null ? await createDemande(parcoursId, body) : await updateDemande(draft.id, body));
    } catch (e) {
      setError(asApiError(e));
      setSubmitting(false);
    }
  };

  const opinion = form.association_opinion;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Demande">
      {error !== null && <FormError title="Demande non enregistrée" message={error.message} items={error.missing} />}
      {draft !== null ? (
        <MissingChecklist missing={draft.missing} headingLevel={2} />
      ) : (
        <p className="fr-hint-text">
          La liste de ce qu'il manque pour déposer la demande sera établie dès l'enregistrement du brouillon.
        </p>
      )}
      <RadioButtons
        legend="Avis de l'association *"
        name="association_opinion.favourable"
        orientation="horizontal"
        {...anyFieldState(error, "association_opinion.favourable", "association_opinion")}
        options={[
          { value: true, label: "Favorable (oui)" },
          { value: false, label: "Défavorable (non)" },
        ].map(({ value, label }) => ({
          label,
          nativeInputProps: {
            value: String(value),
            checked: opinion.favourable === value,
            onChange: () => set({ association_opinion: { ...opinion, favourable: value } }),
          },
        }))}
      />
      <Input
        label="Motivation de l'avis de l'association *"
        textArea
        {...fieldState(error, "association_opinion.text")}
        nativeTextAreaProps={{
          name: "association_opinion.text",
          rows: 4,
          value: opinion.text,
          onChange: (e) => set({ association_opinion: { ...opinion, text: e.target.value } }),
        }}
      />
      <Input
        label="Résultats attendus *"
        hintText="Ce que le parcours doit permettre d'atteindre pendant la période demandée (R121-12-9)"
        textArea
        {...fieldState(error, "expected_results")}
        nativeTextAreaProps={{
          name: "expected_results",
          rows: 4,
          value: form.expected_results,
          onChange: (e) => set({ expected_results: e.target.value }),
        }}
      />
      {renewal && (
        <>
          <Input
            label="Résultats obtenus *"
            hintText="Bilan de la période écoulée"
            textArea
            {...fieldState(error, "achieved_results")}
            nativeTextAreaProps={{
              name: "achieved_results",
              rows: 4,
              value: form.achieved_results,
              onChange: (e) => set({ achieved_results: e.target.value }),
            }}
          />
          <Input
            label="Difficultés rencontrées"
            textArea
            {...fieldState(error, "difficulties")}
            nativeTextAreaProps={{
              name: "difficulties",
              rows: 3,
              value: form.difficulties,
              onChange: (e) => set({ difficulties: e.target.value }),
            }}
          />
        </>
      )}
      <Checkbox
        legend="Déclaration sur l'honneur *"
        {...fieldState(error, "sworn_statement_declared")}
        options={[
          {
            label: "Déclaration sur l'honneur de cessation de l'activité prostitutionnelle",
            hintText: "La personne a signé la déclaration ; l'original est conservé par l'association.",
            nativeInputProps: {
              name: "sworn_statement_declared",
              checked: form.sworn_statement_declared,
              onChange: (e) => set({ sworn_statement_declared: e.target.checked }),
            },
          },
        ]}
      />
      <AttachmentsFieldset value={form.attachments} onChange={(attachments) => set({ attachments })} error={error} />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li>
          <Button type="submit" disabled={submitting}>
            Enregistrer le brouillon
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
