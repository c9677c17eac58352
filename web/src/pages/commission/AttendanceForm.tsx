import { useState, type FormEvent } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { ApiError, recordAttendance, type AttendanceStatus, type AttendanceUpdate, type Seance } from "../../api";
import { FormError } from "../../components/FormError";
import { ATTENDANCE_STATUS, quorumThreshold, titularLabel } from "../../casework/commissionLabels";
import { optionsOf } from "../../casework/labels";
import { useSubmit } from "../../casework/useSubmit";

/** « Quorum atteint : 3 présents ou représentés sur 4 », with what it means for the deliberation. */
export function QuorumDisplay({ seance }: { seance: Seance }) {
  const q = seance.quorum;
  if (!seance.attendance_recorded) {
    return (
      <p id="seance-quorum">
        Présences non encore enregistrées : le quorum sera calculé sur {q.members_in_office} membre
        {q.members_in_office > 1 ? "s" : ""} titulaire{q.members_in_office > 1 ? "s" : ""} en exercice (plus de {q.percent} %,
        soit au moins {quorumThreshold(q.members_in_office, q.percent)}).
      </p>
    );
  }
  const counts = `${q.present_or_represented} présent${q.present_or_represented > 1 ? "s" : ""} ou représenté${q.present_or_represented > 1 ? "s" : ""} sur ${q.members_in_office}`;
  return (
    <div id="seance-quorum">
      <Alert
        severity={q.reached ? "success" : q.may_deliberate ? "info" : "warning"}
        small
        description={
          q.reached
            ? `Quorum atteint : ${counts}.`
            : `Quorum non atteint : ${counts} (il en faut au moins ${quorumThreshold(q.members_in_office, q.percent)}).` +
              (seance.second_convocation
                ? " Sur seconde convocation, la commission délibère sans condition de quorum."
                : " La commission ne peut pas délibérer, sauf sur seconde convocation.")
        }
      />
    </div>
  );
}

type Row = { status: AttendanceStatus | ""; representedBy: string };

interface Props {
  seance: Seance;
  /** Category labels by code. */
  categoryLabel: (code: string) => string;
  onSaved: (s: Seance) => void;
}

/** Each member in office: présent, représenté (par …), excusé or absent; and the second convocation. */
export function AttendanceForm({ seance, categoryLabel, onSaved }: Props) {
  const [rows, setRows] = useState<Record<number, Row>>(() =>
    Object.fromEntries(seance.attendance.map((a) => [a.member_id, { status: a.status ?? "", representedBy: a.represented_by ?? "" }])),
  );
  const [second, setSecond] = useState(seance.second_convocation);
  const [saved, setSaved] = useState(false);
  const [sentIds, setSentIds] = useState<number[]>([]);
  const { error, setError, submitting, run } = useSubmit();
  const set = (id: number, patch: Partial<Row>) => setRows((r) => ({ ...r, [id]: { ...(r[id] ?? { status: "", representedBy: "" }), ...patch } }));
  const closed = seance.minutes_sent_on !== null;

  /** The server names `entries[i].…`: the member of entry i. */
  const errorFor = (memberId: number, field: "status" | "represented_by" | "member_id") => {
    if (error === null || error.field === undefined) return {};
    const m = /^entries\[(\d+)\]\.(\w+)$/.exec(error.field);
    if (m === null || sentIds[Number(m[1])] !== memberId || m[2] !== field) return {};
    return { state: "error" as const, stateRelatedMessage: error.message };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const entries: AttendanceUpdate["entries"] = [];
    for (const a of seance.attendance) {
      const row = rows[a.member_id];
      if (row === undefined || row.status === "") continue;
      entries.push({
        member_id: a.member_id,
        status: row.status,
        ...(row.status === "represented" ? { represented_by: row.representedBy.trim() } : {}),
      });
    }
    if (entries.length === 0) {
      setError(new ApiError(422, "validation_failed", "Indiquez la présence d'au moins un membre."));
      return;
    }
    setSentIds(entries.map((e) => e.member_id));
    void run(async () => {
      onSaved(await recordAttendance(seance.id, { entries, second_convocation: second }));
      setSaved(true);
    });
  };

  if (seance.attendance.length === 0) return <p>Aucun membre en exercice à la date de la séance.</p>;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="seance-presences">
      {error !== null && <FormError level={3} title="Présences non enregistrées" message={error.message} />}
      {saved && error === null && <Alert severity="success" small className="fr-mb-2w" description="Présences enregistrées." />}
      <ul className="parcours-criteria">
        {seance.attendance.map((a) => {
          const row = rows[a.member_id] ?? { status: "", representedBy: "" };
          return (
            <li key={a.member_id} className="parcours-criteria__item" data-member-id={a.member_id}>
              <RadioButtons
                legend={a.name}
                hintText={`${categoryLabel(a.category)}${a.organisation !== "" ? ` — ${a.organisation}` : ""} — ${titularLabel(a.titular)}`}
                name={`presence-${a.member_id}`}
                orientation="horizontal"
                disabled={closed}
                {...errorFor(a.member_id, "status")}
                {...errorFor(a.member_id, "member_id")}
                options={optionsOf(ATTENDANCE_STATUS).map(([code, label]) => ({
                  label,
                  nativeInputProps: { value: code, checked: row.status === code, onChange: () => set(a.member_id, { status: code }) },
                }))}
              />
              {row.status === "represented" && (
                <Input
                  label={`${a.name} est représenté·e par *`}
                  hintText="Nom du suppléant ou du membre qui a reçu le mandat"
                  {...errorFor(a.member_id, "represented_by")}
                  nativeInputProps={{
                    name: `presence-${a.member_id}.represented_by`,
                    value: row.representedBy,
                    disabled: closed,
                    onChange: (e) => set(a.member_id, { representedBy: e.target.value }),
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      <Checkbox
        {...(error?.field === "second_convocation" ? { state: "error" as const, stateRelatedMessage: error.message } : {})}
        options={[
          {
            label: "Seconde convocation",
            hintText: "La commission réunie sur seconde convocation délibère sans condition de quorum.",
            nativeInputProps: { name: "attendance.second_convocation", checked: second, disabled: closed, onChange: (e) => setSecond(e.target.checked) },
          },
        ]}
      />
      {!closed && (
        <Button type="submit" disabled={submitting}>
          Enregistrer les présences
        </Button>
      )}
    </form>
  );
}
