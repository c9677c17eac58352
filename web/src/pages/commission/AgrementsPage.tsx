import { useState, type FormEvent, type ReactNode } from "react";
import { useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import {
  agrementDocumentsReceived,
  ApiError,
  decideAgrement,
  fileAgrement,
  getAssociation,
  listAgrements,
  requestAgrementDocuments,
  withdrawAgrement,
  type Agrement,
  type User,
} from "../../api";
import { canListAssociations, canManageAgrements, isAssociationRole } from "../../auth/roles";
import { DateField } from "../../components/DateField";
import { Fact, FactList } from "../../components/FactList";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { AGREMENT_STATE, agrementSeverity } from "../../casework/commissionLabels";
import { formatDate, todayIso } from "../../casework/dates";
import { fieldState, idParam } from "../../casework/fields";
import { labelOf } from "../../casework/labels";
import { useResource } from "../../casework/useResource";
import { useSubmit } from "../../casework/useSubmit";

/** `/associations/:id/agrements`: each agrément file, its state and clocks; the instructor's actions. */
export function AgrementsPage({ user }: { user: User }) {
  const id = idParam(useParams().id);
  const association = useResource(`association|${id}`, (signal) =>
    id === null ? Promise.reject(new ApiError(404, "not_found", "Association introuvable.")) : getAssociation(id, { signal }),
  );
  const agrements = useResource(`agrements|${id}`, (signal) =>
    id === null ? Promise.reject(new ApiError(404, "not_found", "Association introuvable.")) : listAgrements(id, { signal }),
  );
  const name = association.status === "ready" ? association.data.name : null;
  usePageTitle(name !== null ? `Agréments — ${name}` : "Agréments");
  if (agrements.status === "loading") return <Loading />;
  if (agrements.status === "error") return <PageError error={agrements.error} what="Agréments" onRetry={agrements.reload} />;
  const items = [...agrements.data.items].sort((a, b) => b.filed_on.localeCompare(a.filed_on) || b.id - a.id);
  const manage = canManageAgrements(user);
  const defaultDepartement = user.departement ?? (association.status === "ready" ? association.data.departement : "");
  const replace = (updated: Agrement) =>
    agrements.replace({ items: agrements.data.items.map((a) => (a.id === updated.id ? updated : a)) });
  return (
    <>
      <Breadcrumb
        currentPageLabel="Agréments"
        homeLinkProps={{ to: "/" }}
        segments={canListAssociations(user) ? [{ label: "Associations", linkProps: { to: "/associations" } }] : []}
      />
      <h1>Agréments{name !== null ? ` — ${name}` : ""}</h1>
      <p className="fr-text--lead">
        L'agrément du préfet (CASF R121-12-1 à R121-12-5) permet à l'association d'accompagner des personnes dans le parcours
        de sortie de la prostitution dans le département : sans agrément en cours de validité, une demande ne peut pas être
        déposée.
      </p>
      {items.length === 0 && <p>Aucun dossier d'agrément n'est enregistré pour cette association.</p>}
      {items.map((a) => (
        <AgrementCard key={a.id} agrement={a} manage={manage} onUpdated={replace} />
      ))}
      {manage && id !== null && (
        <NewFileForm
          key={defaultDepartement}
          associationId={id}
          departement={defaultDepartement}
          onFiled={agrements.reload}
        />
      )}
      {isAssociationRole(user) && (
        <p className="fr-mt-4w">Pour déposer ou renouveler un dossier d'agrément, adressez-vous au service instructeur de la préfecture.</p>
      )}
    </>
  );
}

function AgrementCard({ agrement: a, manage, onUpdated }: { agrement: Agrement; manage: boolean; onUpdated: (a: Agrement) => void }) {
  const c = a.clocks;
  const express = a.decision?.outcome === "approved";
  return (
    <section aria-labelledby={`agrement-${a.id}`} className="parcours-panel fr-mb-4w" data-agrement-id={a.id} data-state={a.state}>
      <h2 id={`agrement-${a.id}`} className="fr-h4">
        Département {a.departement} — dossier déposé le {formatDate(a.filed_on)}{" "}
        <Badge as="span" severity={agrementSeverity(a.state)} noIcon>
          {a.state_label !== "" ? a.state_label : labelOf(AGREMENT_STATE, a.state)}
        </Badge>
      </h2>
      {a.renews_id !== null && <p>Renouvellement de l'agrément n° {a.renews_id}.</p>}
      <h3 className="fr-h6">Échéances</h3>
      <ul className="parcours-clocks">
        {c.complete_on !== null && (
          <li>
            <strong>Réputé complet le {formatDate(c.complete_on)}</strong>
            {c.complete_basis !== "" && <span className="fr-hint-text">{c.complete_basis}</span>}
          </li>
        )}
        {c.tacit_approval_on !== null && !express && a.decision === null && (
          <li>
            <strong>Agrément tacite le {formatDate(c.tacit_approval_on)}</strong>
            <span className="fr-hint-text">
              à défaut de décision expresse, quatre mois après que le dossier est complet (CASF R121-12-3)
            </span>
          </li>
        )}
        {c.approved_on !== null && (
          <li>
            <strong>Agréée le {formatDate(c.approved_on)}</strong>
            {c.approval_basis !== "" && <span className="fr-hint-text">{c.approval_basis}</span>}
          </li>
        )}
        {c.valid_until !== null && (
          <li>
            <strong>Valable jusqu'au {formatDate(c.valid_until)}</strong>
            <span className="fr-hint-text">trois ans à compter de l'agrément (CASF R121-12-4)</span>
          </li>
        )}
        {c.complete_on === null && c.approved_on === null && <li>Aucune échéance tant que les pièces demandées ne sont pas reçues.</li>}
      </ul>
      <FactList className="parcours-dl--wide">
        {a.missing_documents !== null && (
          <Fact term="Pièces demandées">
            le {formatDate(a.missing_documents.requested_on)}
            {a.missing_documents.items ? ` : ${a.missing_documents.items}` : ""}
            {a.missing_documents.received_on !== null ? ` — reçues le ${formatDate(a.missing_documents.received_on)}` : " — en attente"}
          </Fact>
        )}
        {a.decision !== null && (
          <Fact term="Décision expresse">
            {a.decision.outcome === "approved" ? "Agrément" : "Refus"} du {formatDate(a.decision.decided_on)}
            {a.decision.arrete_ref ? ` (${a.decision.arrete_ref})` : ""}
            {a.decision.reasons ? ` — ${a.decision.reasons}` : ""}
          </Fact>
        )}
        {a.withdrawal !== null && (
          <Fact term="Retrait">
            le {formatDate(a.withdrawal.date)}
            {a.withdrawal.reasons ? ` — ${a.withdrawal.reasons}` : ""}
          </Fact>
        )}
      </FactList>
      {manage && <AgrementActions agrement={a} onUpdated={onUpdated} />}
    </section>
  );
}

type Action = "missing" | "received" | "decision" | "withdrawal";

function AgrementActions({ agrement: a, onUpdated }: { agrement: Agrement; onUpdated: (a: Agrement) => void }) {
  const [open, setOpen] = useState<Action | null>(null);
  const available: [Action, string][] = [];
  if (a.state === "filed" && a.missing_documents === null) available.push(["missing", "Demander des pièces manquantes"]);
  if (a.state === "incomplete") available.push(["received", "Enregistrer la réception des pièces"]);
  if ((a.state === "filed" || a.state === "incomplete" || a.state === "under_review") && a.decision === null) {
    available.push(["decision", "Enregistrer la décision"]);
  }
  if (a.state === "approved") available.push(["withdrawal", "Retirer l'agrément"]);
  if (available.length === 0) return null;
  const done = (updated: Agrement) => {
    setOpen(null);
    onUpdated(updated);
  };
  return (
    <div className="fr-mt-2w">
      {open === null ? (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          {available.map(([action, label]) => (
            <li key={action}>
              <Button priority="secondary" size="small" onClick={() => setOpen(action)}>
                {label}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <ActionForm agrement={a} action={open} onDone={done} onCancel={() => setOpen(null)} />
      )}
    </div>
  );
}

function ActionForm(props: { agrement: Agrement; action: Action; onDone: (a: Agrement) => void; onCancel: () => void }) {
  const { agrement: a, action } = props;
  const [date, setDate] = useState(todayIso());
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<"approved" | "refused" | "">("");
  const [arrete, setArrete] = useState("");
  const { error, submitting, run } = useSubmit();
  const prefix = `agrement-${a.id}`;
  const titles: Record<Action, string> = {
    missing: "Demander des pièces manquantes",
    received: "Réception des pièces",
    decision: "Décision sur l'agrément",
    withdrawal: "Retrait de l'agrément",
  };
  const dateField: Record<Action, [string, string]> = {
    missing: ["Demande envoyée le *", "requested_on"],
    received: ["Pièces reçues le *", "received_on"],
    decision: ["Décision du *", "decided_on"],
    withdrawal: ["Retrait le *", "date"],
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      let updated: Agrement;
      if (action === "missing") updated = await requestAgrementDocuments(a.id, { requested_on: date, items: text.trim() });
      else if (action === "received") updated = await agrementDocumentsReceived(a.id, { received_on: date });
      else if (action === "decision") {
        updated = await decideAgrement(a.id, { outcome, decided_on: date, reasons: text.trim(), arrete_ref: arrete.trim() });
      } else updated = await withdrawAgrement(a.id, { date, reasons: text.trim() });
      props.onDone(updated);
    });
  };
  let extra: ReactNode = null;
  if (action === "missing") {
    extra = (
      <Input
        label="Pièces manquantes *"
        hintText="Demande possible tant que le dossier n'est pas réputé complet (deux mois après le dépôt)"
        textArea
        {...fieldState(error, "items")}
        nativeTextAreaProps={{ name: `${prefix}.items`, rows: 3, value: text, onChange: (e) => setText(e.target.value) }}
      />
    );
  } else if (action === "decision") {
    extra = (
      <>
        <RadioButtons
          legend="Décision *"
          name={`${prefix}.outcome`}
          {...fieldState(error, "outcome")}
          options={[
            { label: "Agrément", nativeInputProps: { value: "approved", checked: outcome === "approved", onChange: () => setOutcome("approved") } },
            { label: "Refus", nativeInputProps: { value: "refused", checked: outcome === "refused", onChange: () => setOutcome("refused") } },
          ]}
        />
        <Input
          label={outcome === "refused" ? "Motifs *" : "Motifs"}
          hintText="Obligatoires pour un refus"
          textArea
          {...fieldState(error, "reasons")}
          nativeTextAreaProps={{ name: `${prefix}.reasons`, rows: 3, value: text, onChange: (e) => setText(e.target.value) }}
        />
        <Input
          label="Référence de l'arrêté"
          hintText="Par exemple : Arrêté n° 2026-045"
          {...fieldState(error, "arrete_ref")}
          nativeInputProps={{ name: `${prefix}.arrete_ref`, value: arrete, onChange: (e) => setArrete(e.target.value) }}
        />
      </>
    );
  } else if (action === "withdrawal") {
    extra = (
      <Input
        label="Motifs du retrait *"
        textArea
        {...fieldState(error, "reasons")}
        nativeTextAreaProps={{ name: `${prefix}.reasons`, rows: 3, value: text, onChange: (e) => setText(e.target.value) }}
      />
    );
  }
  const [dateLabel, dateKey] = dateField[action];
  return (
    <form onSubmit={onSubmit} noValidate aria-label={titles[action]} className="parcours-repeat">
      <h3 className="fr-h6">{titles[action]}</h3>
      {error !== null && <FormError level={4} title="Action impossible" message={error.message} />}
      <DateField label={dateLabel} name={`${prefix}.${dateKey}`} required errorProps={fieldState(error, dateKey)} value={date} onChange={setDate} />
      {extra}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={submitting}>
            Enregistrer
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={props.onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

function NewFileForm({ associationId, departement, onFiled }: { associationId: number; departement: string; onFiled: () => void }) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState(departement);
  const [filedOn, setFiledOn] = useState(todayIso());
  const [filed, setFiled] = useState(false);
  const { error, submitting, run } = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      await fileAgrement(associationId, { departement: code.trim(), filed_on: filedOn });
      setOpen(false);
      setFiled(true);
      onFiled();
    });
  };
  return (
    <section aria-labelledby="agrement-nouveau" className="fr-mt-4w">
      <h2 id="agrement-nouveau">Nouveau dossier d'agrément</h2>
      {filed && <Alert severity="success" small className="fr-mb-2w" description="Dossier enregistré : les échéances courent à compter du dépôt." />}
      {open ? (
        <form onSubmit={onSubmit} noValidate aria-labelledby="agrement-nouveau">
          {error !== null && <FormError level={3} title="Dossier non enregistré" message={error.message} />}
          <Input
            label="Département *"
            hintText="Code INSEE du département où l'association demande l'agrément"
            {...fieldState(error, "departement")}
            nativeInputProps={{ name: "agrement.departement", value: code, onChange: (e) => setCode(e.target.value) }}
          />
          <DateField label="Dossier déposé le *" name="agrement.filed_on" required errorProps={fieldState(error, "filed_on")} value={filedOn} onChange={setFiledOn} />
          <p className="fr-hint-text">Un dossier déposé pendant la validité d'un agrément en est le renouvellement.</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="submit" disabled={submitting}>
                Enregistrer le dossier
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" onClick={() => setOpen(false)}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      ) : (
        <Button priority="secondary" iconId="fr-icon-add-line" onClick={() => setOpen(true)}>
          Enregistrer un nouveau dossier
        </Button>
      )}
    </section>
  );
}
