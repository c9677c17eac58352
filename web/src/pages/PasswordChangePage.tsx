import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ApiError, changePassword, isApiError, type User } from "../api";
import { setupRouteFor, useSession } from "../auth/session";
import { FormError } from "../components/FormError";
import { usePageTitle } from "../components/usePageTitle";
import { PASSWORD_MIN_LENGTH } from "../config";

type Field = "current_password" | "new_password" | "confirmation";

export function PasswordChangePage({ user }: { user: User }) {
  usePageTitle("Choisir un nouveau mot de passe");
  const { setUser } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const validate = (): ApiError | null => {
    if (current === "") {
      return new ApiError(0, "client_validation", "Saisissez votre mot de passe actuel.", "current_password");
    }
    if ([...next].length < PASSWORD_MIN_LENGTH) {
      return new ApiError(
        0,
        "client_validation",
        `Le nouveau mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
        "new_password",
      );
    }
    if (next !== confirmation) {
      return new ApiError(0, "client_validation", "Les deux mots de passe saisis ne sont pas identiques.", "confirmation");
    }
    return null;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const invalid = validate();
    setError(invalid);
    if (invalid !== null) return;
    setSubmitting(true);
    try {
      const { user: updated } = await changePassword({ current_password: current, new_password: next });
      setUser(updated);
      navigate(setupRouteFor(updated) ?? "/", { replace: true });
    } catch (e) {
      setError(isApiError(e) ? e : new ApiError(0, "unexpected", "Une erreur inattendue est survenue."));
    } finally {
      setSubmitting(false);
    }
  };

  const fieldError = (field: Field) =>
    error !== null && error.field === field ? { state: "error" as const, stateRelatedMessage: error.message } : {};

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Choisir un nouveau mot de passe</h1>
        {user.password_change_required && (
          <p>
            Pour sécuriser votre compte, choisissez un mot de passe personnel avant de continuer. Il doit
            comporter au moins {PASSWORD_MIN_LENGTH} caractères ; une phrase de plusieurs mots est facile à
            retenir et difficile à deviner.
          </p>
        )}
        {error !== null && <FormError title="Le mot de passe n'a pas été modifié" message={error.message} />}
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Changement de mot de passe">
          <p className="fr-hint-text">Tous les champs sont obligatoires.</p>
          <Input
            label="Mot de passe actuel"
            hintText="Celui que vous venez d'utiliser pour vous connecter."
            {...fieldError("current_password")}
            nativeInputProps={{
              type: "password",
              name: "current_password",
              autoComplete: "current-password",
              required: true,
              value: current,
              onChange: (e) => setCurrent(e.target.value),
            }}
          />
          <Input
            label="Nouveau mot de passe"
            hintText={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}
            {...fieldError("new_password")}
            nativeInputProps={{
              type: "password",
              name: "new_password",
              autoComplete: "new-password",
              required: true,
              minLength: PASSWORD_MIN_LENGTH,
              value: next,
              onChange: (e) => setNext(e.target.value),
            }}
          />
          <Input
            label="Confirmation du nouveau mot de passe"
            {...fieldError("confirmation")}
            nativeInputProps={{
              type: "password",
              name: "confirmation",
              autoComplete: "new-password",
              required: true,
              value: confirmation,
              onChange: (e) => setConfirmation(e.target.value),
            }}
          />
          <Button type="submit" disabled={submitting}>
            Enregistrer le mot de passe
          </Button>
        </form>
      </div>
    </div>
  );
}
