import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ApiError, ErrorCode, isApiError, login } from "../api";
import { useSession } from "../auth/session";
import { FormError } from "../components/FormError";
import { Loading } from "../components/Loading";
import { usePageTitle } from "../components/usePageTitle";

type Step = "credentials" | "totp";

const TOTP_PATTERN = /^[0-9]{6}$/;

export function LoginPage() {
  const { state, setUser } = useSession();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>("credentials");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle(step === "totp" ? "Connexion — code de vérification" : "Connexion");

  if (state.status === "loading") return <Loading />;
  if (state.status === "authenticated") return <Navigate to="/" replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const code = totp.trim();
    if (step === "totp" && !TOTP_PATTERN.test(code)) {
      setError(new ApiError(0, "client_validation", "Le code doit comporter exactement 6 chiffres.", "totp"));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const session = await login(step === "totp" ? { email, password, totp: code } : { email, password });
      setPassword("");
      setTotp("");
      setUser(session.user);
      navigate("/", { replace: true });
    } catch (e) {
      if (isApiError(e) && e.code === ErrorCode.totpRequired) {
        setStep("totp");
      } else if (isApiError(e)) {
        setError(e);
        if (e.code === ErrorCode.totpInvalid) setTotp("");
      } else {
        setError(new ApiError(0, "unexpected", "Une erreur inattendue est survenue. Veuillez réessayer."));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const restart = () => {
    setStep("credentials");
    setPassword("");
    setTotp("");
    setError(null);
  };

  const fieldError = (field: string) =>
    error !== null && error.field === field
      ? { state: "error" as const, stateRelatedMessage: error.message }
      : {};

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion à Parcours</h1>
        {error !== null && <FormError title="Connexion impossible" message={error.message} />}
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Connexion">
          {step === "credentials" ? (
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">Identifiants</legend>
              <p className="fr-hint-text fr-fieldset__element">Tous les champs sont obligatoires.</p>
              <div className="fr-fieldset__element">
                <Input
                  label="Adresse électronique"
                  hintText="Format attendu : nom@domaine.fr"
                  {...fieldError("email")}
                  nativeInputProps={{
                    type: "email",
                    name: "email",
                    autoComplete: "username",
                    required: true,
                    value: email,
                    onChange: (e) => setEmail(e.target.value),
                  }}
                />
              </div>
              <div className="fr-fieldset__element">
                <Input
                  label="Mot de passe"
                  {...fieldError("password")}
                  nativeInputProps={{
                    type: "password",
                    name: "password",
                    autoComplete: "current-password",
                    required: true,
                    value: password,
                    onChange: (e) => setPassword(e.target.value),
                  }}
                />
              </div>
            </fieldset>
          ) : (
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">Double authentification</legend>
              <p className="fr-fieldset__element">
                Votre compte est protégé par une double authentification. Saisissez le code à 6 chiffres
                affiché par votre application d'authentification.
              </p>
              <div className="fr-fieldset__element">
                <Input
                  label="Code de vérification"
                  hintText="6 chiffres, par exemple : 123456"
                  {...fieldError("totp")}
                  nativeInputProps={{
                    name: "totp",
                    inputMode: "numeric",
                    autoComplete: "one-time-code",
                    pattern: "[0-9]{6}",
                    maxLength: 6,
                    required: true,
                    autoFocus: true,
                    value: totp,
                    onChange: (e) => setTotp(e.target.value.replace(/\s/g, "")),
                  }}
                />
              </div>
            </fieldset>
          )}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="submit" disabled={submitting}>
                {step === "totp" ? "Valider le code" : "Se connecter"}
              </Button>
            </li>
            {step === "totp" && (
              <li>
                <Button type="button" priority="secondary" onClick={restart}>
                  Revenir à l'identification
                </Button>
              </li>
            )}
          </ul>
        </form>
        <p className="fr-mt-4w">
          Sans compte, vous pouvez estimer le montant de l'aide financière à l'insertion sociale et professionnelle
          avec le <Link to="/simulateur-afis">simulateur AFIS</Link>.
        </p>
        <p>
          <Link to="/info">Information pour les personnes concernées (8 langues)</Link> : le parcours de sortie de la
          prostitution, les droits, les associations agréées.
        </p>
      </div>
    </div>
  );
}
