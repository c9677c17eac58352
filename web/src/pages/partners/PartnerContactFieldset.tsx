// « Adresse et contact » of the partner form: postal address, optional map position, phone, email, opening hours.
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { PartnerFieldsetProps } from "./partnerForm";

export function PartnerContactFieldset({ value: f, onChange: set, errorOf: on }: PartnerFieldsetProps) {
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend">Adresse et contact</legend>
      <div className="fr-fieldset__element">
        <Input label="Adresse" {...on("address.street")} nativeInputProps={{ name: "address.street", autoComplete: "off", value: f.street, onChange: (e) => set({ street: e.target.value }) }} />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Input
          label="Code postal"
          {...on("address.postcode")}
          nativeInputProps={{ name: "address.postcode", inputMode: "numeric", autoComplete: "off", value: f.postcode, onChange: (e) => set({ postcode: e.target.value }) }}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Input label="Ville *" {...on("address.city")} nativeInputProps={{ name: "address.city", required: true, autoComplete: "off", value: f.city, onChange: (e) => set({ city: e.target.value }) }} />
      </div>
      <div className="fr-fieldset__element">
        <p className="fr-hint-text fr-mb-1w" id="partenaire-position-aide">
          Position sur la carte (facultative) : latitude et longitude en degrés décimaux (WGS 84), toutes les deux ou
          aucune ; par exemple 44,8378 et -0,5792 pour Bordeaux. Sans position, le partenaire figure dans la liste
          mais pas sur la carte.
        </p>
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Input
          label="Latitude"
          hintText="Entre -22 et 52"
          {...on("latitude")}
          nativeInputProps={{
            name: "latitude",
            inputMode: "decimal",
            autoComplete: "off",
            "aria-describedby": "partenaire-position-aide",
            value: f.latitude,
            onChange: (e) => set({ latitude: e.target.value }),
          }}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Input
          label="Longitude"
          hintText="Entre -62 et 56 (négative à l'ouest de Greenwich)"
          {...on("longitude")}
          nativeInputProps={{
            name: "longitude",
            inputMode: "decimal",
            autoComplete: "off",
            "aria-describedby": "partenaire-position-aide",
            value: f.longitude,
            onChange: (e) => set({ longitude: e.target.value }),
          }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input label="Téléphone" {...on("phone")} nativeInputProps={{ name: "phone", type: "tel", autoComplete: "off", value: f.phone, onChange: (e) => set({ phone: e.target.value }) }} />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Courriel"
          hintText="Format attendu : nom@domaine.fr"
          {...on("email")}
          nativeInputProps={{ name: "email", type: "email", autoComplete: "off", value: f.email, onChange: (e) => set({ email: e.target.value }) }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Horaires d'accueil"
          hintText="Par exemple : lun.–ven. 9 h–17 h"
          {...on("opening_hours")}
          nativeInputProps={{ name: "opening_hours", autoComplete: "off", value: f.opening_hours, onChange: (e) => set({ opening_hours: e.target.value }) }}
        />
      </div>
    </fieldset>
  );
}
