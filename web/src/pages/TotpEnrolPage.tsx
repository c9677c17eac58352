import { useEffect, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ApiError, confirmTotp, enrolTotp, isApiError, type TotpEnrolResponse } from "../api";
import { setupRouteFor, useSession } from "../auth/session";
import { FormError } from "../components/FormError";
import { Loading } from "../components/Loading";
import { QrCode } from "../components/QrCode";
import { usePageTitle } from "../components/usePageTitle";

const CODE_PATTERN = /^[0-9]{6}$/;

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to read and type. */
export function groupBy4(secret: string): string {
  return secret.replace(/\s/g, "").replace(/(.{4})(?=.)/g, "$1 ");
}

export function TotpEnrolPage() {
  usePageTitle("Activer la double authentification");
  const { setUser } = useSession();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<TotpEnrolResponse | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const requested = useRef(false);

  useEffect(() => {
    // One enrolment per visit: a second call would replace the secret on the server.
    if (requested.current) return;
    requested.current = true;
    enrolTotp()
      .then(setEnrolment)
      .catch((e: unknown) =>
        setLoadError(isApiError(e) ? e : new ApiError(0, "unexpected", "Une erreur inattendue est survenue.")),
      );
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const trimmed = code.replace(/\s/g, "");
    if (!CODE_PATTERN.test(trimmed)) {
      setError(new ApiError(0, "client_validation", "Le code doit comporter exactement 6 chiffres.", "code"));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await confirmTotp(trimmed);
      setUser(user);
      navigate(setupRouteFor(user) ?? "/", { replace: true });
    } catch (e) {
      setCode("");
      setError(isApiError(e) ? e : new ApiError(0, "unexpected", "Une erreur inattendue est survenue."));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Activer la double authentification</h1>
        <p>
          Votre rôle donne accès à des données sensibles : une double authentification est obligatoire. Installez
          une application d'authentification (TOTP) sur votre téléphone professionnel, puis ajoutez-y votre compte
          Parcours.
        </p>
        {loadError !== null && <FormError title="La clé n'a pas pu être générée" message={loadError.message} />}
        {enrolment === null && loadError === null && <Loading />}
        {enrolment !== null && (
          <>
            <h2 className="fr-h4">1. Ajouter le compte dans l'application</h2>
            <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
              <div className="fr-col-12 fr-col-md-5">
                <QrCode
                  value={enrolment.otpauth_uri}
                  label="QR code à scanner avec votre application d'authentification"
                />
              </div>
              <div className="fr-col-12 fr-col-md-7">
                <p>Scannez le QR code, ou saisissez cette clé dans l'application :</p>
                <p className="fr-text--lead">
                  <code id="totp-secret" className="parcours-secret">
                    {groupBy4(enrolment.secret)}
                  </code>
                </p>
                <p className="fr-text--sm">
                  Adresse de configuration : <code className="parcours-uri">{enrolment.otpauth_uri}</code>
                </p>
              </div>
            </div>
            <h2 className="fr-h4">2. Confirmer avec un code</h2>
            {error !== null && <FormError title="La double authentification n'est pas activée" message={error.message} />}
            <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Confirmation de la double authentification">
              <Input
                label="Code à 6 chiffres"
                hintText="Le code affiché par votre application, par exemple : 123456"
                {...(error !== null && (error.field === "code" || error.field === undefined)
                  ? { state: "error" as const, stateRelatedMessage: error.message }
                  : {})}
                nativeInputProps={{
                  name: "code",
                  inputMode: "numeric",
                  autoComplete: "one-time-code",
                  pattern: "[0-9]{6}",
                  maxLength: 6,
                  required: true,
                  value: code,
                  onChange: (e) => setCode(e.target.value.replace(/\s/g, "")),
                }}
              />
              <Button type="submit" disabled={submitting}>
                Activer la double authentification
              </Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
