// « Accueil » of the partner form: the languages spoken and the publics received.
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { capitalise, languageName, PARTNER_LANGUAGES } from "../../casework/partnerLabels";
import { toggle, type PartnerFieldsetProps } from "./partnerForm";

interface Props extends PartnerFieldsetProps {
  /** The input the current error is about (`inputOf`), for the two checkboxes of « Publics accueillis ». */
  errorAt: string | null;
}

export function PartnerReceptionFieldset({ value: f, onChange: set, errorOf: on, errorAt: at }: Props) {
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend">Accueil</legend>
      <div className="fr-fieldset__element">
        <Checkbox
          legend="Langues parlées *"
          hintText="Au moins une."
          orientation="horizontal"
          small
          {...on("languages")}
          options={PARTNER_LANGUAGES.map((code) => ({
            label: capitalise(languageName(code)),
            nativeInputProps: {
              name: "languages",
              value: code,
              checked: f.languages.includes(code),
              onChange: (e: { target: { checked: boolean } }) => set({ languages: toggle(f.languages, code, e.target.checked) }),
            },
          }))}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Autres langues"
          hintText="Codes ISO 639-1 à deux lettres, séparés par des virgules, par exemple : tr, pl"
          {...on("languages_other")}
          nativeInputProps={{ name: "languages_other", autoComplete: "off", value: f.languages_other, onChange: (e) => set({ languages_other: e.target.value }) }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Checkbox
          legend="Publics accueillis"
          {...(at === "accepts_minors" || at === "accepts_men_trans" ? on(at) : {})}
          options={[
            {
              label: "Accueille des mineur·es",
              nativeInputProps: { name: "accepts_minors", checked: f.accepts_minors, onChange: (e) => set({ accepts_minors: e.target.checked }) },
            },
            {
              label: "Accueille des hommes et des personnes trans",
              nativeInputProps: { name: "accepts_men_trans", checked: f.accepts_men_trans, onChange: (e) => set({ accepts_men_trans: e.target.checked }) },
            },
          ]}
        />
      </div>
    </fieldset>
  );
}
