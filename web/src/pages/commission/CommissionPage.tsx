import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Table } from "@codegouvfr/react-dsfr/Table";
import {
  ApiError,
  createCommission,
  getCommission,
  listCommissions,
  type Commission,
  type Member,
  type User,
} from "../../api";
import { isAdmin, isInstructor } from "../../auth/roles";
import { DateField } from "../../components/DateField";
import { Fact, FactList } from "../../components/FactList";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { quorumThreshold, titularLabel } from "../../casework/commissionLabels";
import { formatDate, todayIso } from "../../casework/dates";
import { fieldState, idParam } from "../../casework/fields";
import { useResource } from "../../casework/useResource";
import { useSubmit } from "../../casework/useSubmit";
import { AddMemberForm } from "./AddMemberForm";
import { SeancesSection } from "./SeancesSection";

/** `/commission`: the caller's département commission; the list for an administrator. */
export function CommissionHomePage({ user }: { user: User }) {
  const list = useResource("commissions", (signal) => listCommissions({ signal }));
  usePageTitle("Commission départementale");
  if (list.status === "loading") return <Loading />;
  if (list.status === "error") return <PageError error={list.error} what="Commission" onRetry={list.reload} />;
  const items = list.data.items;
  if (isAdmin(user)) {
    return (
      <>
        <h1>Commissions départementales</h1>
        {items.length === 0 ? (
          <p>Aucune commission n'est encore installée.</p>
        ) : (
          <Table
            caption="Commissions installées"
            headers={["Département", "Installée le", "Coprésidence", "Quorum"]}
            data={items.map((c) => [
              <Link key="c" to={`/commissions/${c.id}`}>
                {c.departement_name} ({c.departement})
              </Link>,
              formatDate(c.installed_on),
              c.co_chaired ? "Oui" : "Non",
              `Plus de ${c.quorum_percent} %`,
            ])}
          />
        )}
        <CreateCommission departement={null} onCreated={list.reload} />
      </>
    );
  }
  const mine = items[0];
  if (mine !== undefined) return <CommissionView id={mine.id} user={user} standalone />;
  return (
    <>
      <h1>Commission départementale</h1>
      {isInstructor(user) && user.departement !== null ? (
        <>
          <p>La commission de votre département n'est pas encore enregistrée dans Parcours.</p>
          <CreateCommission departement={user.departement} onCreated={list.reload} />
        </>
      ) : (
        <Alert
          severity="info"
          small={false}
          as="h2"
          title="Commission non installée"
          description="La commission de votre département n'est pas encore enregistrée dans Parcours : la préfecture l'y inscrira après son installation."
        />
      )}
    </>
  );
}

/** `/commissions/:id`. */
export function CommissionPage({ user }: { user: User }) {
  const id = idParam(useParams().id);
  if (id === null) return <PageError error={new ApiError(404, "not_found", "Commission introuvable.")} what="Commission" />;
  return <CommissionView id={id} user={user} standalone={false} />;
}

function CommissionView({ id, user, standalone }: { id: number; user: User; standalone: boolean }) {
  const commission = useResource(`commission|${id}`, (signal) => getCommission(id, { signal }));
  usePageTitle(commission.status === "ready" ? `Commission — ${commission.data.departement_name}` : "Commission départementale");
  if (commission.status === "loading") return <Loading />;
  if (commission.status === "error") return <PageError error={commission.error} what="Commission" onRetry={commission.reload} />;
  const c = commission.data;
  return (
    <>
      {!standalone && (
        <Breadcrumb
          currentPageLabel={`${c.departement_name} (${c.departement})`}
          homeLinkProps={{ to: "/" }}
          segments={[{ label: "Commissions", linkProps: { to: "/commission" } }]}
        />
      )}
      <h1>
        Commission départementale — {c.departement_name} ({c.departement})
      </h1>
      <p className="fr-text--lead">
        Commission de lutte contre la prostitution, le proxénétisme et la traite des êtres humains aux fins d'exploitation
        sexuelle (CASF R121-12-6 et R121-12-7) : elle rend un avis sur chaque demande d'engagement dans le parcours de
        sortie de la prostitution et sur chaque renouvellement.
      </p>
      <Overview commission={c} />
      <MembersSection commission={c} onChanged={commission.reload} />
      <SeancesSection commission={c} user={user} />
    </>
  );
}

function Overview({ commission: c }: { commission: Commission }) {
  const threshold = quorumThreshold(c.titular_members_in_office, c.quorum_percent);
  return (
    <section aria-labelledby="commission-fonctionnement" className="fr-mt-4w">
      <h2 id="commission-fonctionnement">Fonctionnement</h2>
      <FactList>
        <Fact term="Installée le" id="commission-installation">
          {formatDate(c.installed_on)}
        </Fact>
        <Fact term="Coprésidence" id="commission-copresidence">
          {c.co_chaired ? "Oui (présidence partagée)" : "Non"}
        </Fact>
        <Fact term="Membres titulaires en exercice">{c.titular_members_in_office}</Fact>
      </FactList>
      <p id="commission-quorum">
        <strong>Règle de quorum :</strong> la commission délibère valablement lorsque plus de {c.quorum_percent} % de ses
        membres titulaires en exercice sont présents ou représentés
        {c.titular_members_in_office > 0 ? `, soit au moins ${threshold} sur ${c.titular_members_in_office}` : ""}. Sur
        seconde convocation, elle délibère sans condition de quorum.
      </p>
      <p>
        <Link to={`/departements/${c.departement}/criteres`}>Grille de critères d'éligibilité du département</Link>
      </p>
    </section>
  );
}

function termCell(m: Member) {
  if (m.ended_on !== null) return `Mandat terminé le ${formatDate(m.ended_on)}`;
  return (
    <>
      {formatDate(m.term_end)}
      {m.term_warning && (
        <>
          {" "}
          <Badge as="span" severity="warning" small>
            Mandat expirant le {formatDate(m.term_end)}
          </Badge>
        </>
      )}
    </>
  );
}

function MembersSection({ commission: c, onChanged }: { commission: Commission; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  return (
    <section aria-labelledby="commission-membres" className="fr-mt-6w">
      <h2 id="commission-membres">Membres</h2>
      {added !== null && (
        <Alert severity="success" small className="fr-mb-2w" description={`${added} a été ajouté·e à la commission.`} />
      )}
      {c.members.length === 0 ? (
        <p>Aucun membre n'est encore enregistré.</p>
      ) : (
        <div id="membres-liste">
          <Table
            caption={`${c.members.length} membre${c.members.length > 1 ? "s" : ""}`}
            headers={["Catégorie", "Nom", "Organisme", "Qualité", "Nommé·e le", "Fin du mandat", "Formation"]}
            data={c.members.map((m) => [
              m.category_label !== "" ? m.category_label : m.category,
              m.name,
              c.can_manage && m.association_id !== null ? (
                <Link key="o" to={`/associations/${m.association_id}/agrements`} title={`Agréments de ${m.organisation || "l'association"}`}>
                  {m.organisation !== "" ? m.organisation : "Association"}
                </Link>
              ) : m.organisation !== "" ? (
                m.organisation
              ) : (
                "—"
              ),
              titularLabel(m.titular),
              formatDate(m.appointed_on),
              termCell(m),
              m.trained_on !== null ? `Formation : oui (${formatDate(m.trained_on)})` : "Formation : non",
            ])}
          />
        </div>
      )}
      {c.can_manage &&
        (adding ? (
          <AddMemberForm
            commission={c}
            onCancel={() => setAdding(false)}
            onAdded={(m) => {
              setAdding(false);
              setAdded(m.name);
              onChanged();
            }}
          />
        ) : (
          <Button className="fr-mt-2w" iconId="fr-icon-user-add-line" priority="secondary" onClick={() => setAdding(true)}>
            Ajouter un membre
          </Button>
        ))}
    </section>
  );
}

function CreateCommission({ departement, onCreated }: { departement: string | null; onCreated: () => void }) {
  const [code, setCode] = useState(departement ?? "");
  const [installedOn, setInstalledOn] = useState(todayIso());
  const [coChaired, setCoChaired] = useState(departement === "75" || departement === "13");
  const [quorum, setQuorum] = useState("50");
  const navigate = useNavigate();
  const { error, submitting, run } = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const created = await createCommission({
        departement: code.trim(),
        installed_on: installedOn,
        co_chaired: coChaired,
        quorum_percent: Number.parseInt(quorum, 10),
      });
      if (departement === null) navigate(`/commissions/${created.id}`);
      else onCreated();
    });
  };

  return (
    <section aria-labelledby="commission-creation" className="fr-mt-4w">
      <h2 id="commission-creation">Enregistrer la commission</h2>
      <form onSubmit={onSubmit} noValidate aria-label="Enregistrer la commission">
        {error !== null && <FormError level={3} title="Enregistrement impossible" message={error.message} />}
        {departement === null ? (
          <Input
            label="Département *"
            hintText="Code INSEE, par exemple 33"
            {...fieldState(error, "departement")}
            nativeInputProps={{ name: "commission.departement", value: code, onChange: (e) => setCode(e.target.value) }}
          />
        ) : (
          <p>Département : {departement}</p>
        )}
        <DateField
          label="Date d'installation *"
          name="commission.installed_on"
          required
          errorProps={fieldState(error, "installed_on")}
          value={installedOn}
          onChange={setInstalledOn}
        />
        <Checkbox
          {...fieldState(error, "co_chaired")}
          options={[
            {
              label: "Commission coprésidée",
              hintText: "Paris et les Bouches-du-Rhône ont une présidence partagée (CASF R121-12-7).",
              nativeInputProps: { name: "commission.co_chaired", checked: coChaired, onChange: (e) => setCoChaired(e.target.checked) },
            },
          ]}
        />
        <Input
          label="Quorum (en %) *"
          hintText="La commission délibère lorsque plus de ce pourcentage des membres titulaires en exercice sont présents ou représentés (50 par défaut)."
          {...fieldState(error, "quorum_percent")}
          nativeInputProps={{
            name: "commission.quorum_percent",
            inputMode: "numeric",
            value: quorum,
            onChange: (e) => setQuorum(e.target.value),
          }}
        />
        <Button type="submit" disabled={submitting}>
          Enregistrer la commission
        </Button>
      </form>
    </section>
  );
}
