import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ApiError } from "../api";

/** A page that could not be loaded: 404 reads as "not found" (out-of-scope records answer 404 too). */
export function PageError({ error, what, onRetry }: { error: ApiError; what: string; onRetry?: () => void }) {
  const notFound = error.status === 404;
  return (
    <>
      <h1>{notFound ? `${what} introuvable` : `${what} indisponible`}</h1>
      <Alert
        severity={notFound ? "info" : "error"}
        small={false}
        as="h2"
        title={notFound ? "Aucun dossier ne correspond à cette adresse" : "Chargement impossible"}
        description={
          notFound
            ? "Ce dossier n'existe pas ou ne relève pas de votre périmètre."
            : error.message
        }
      />
      {!notFound && onRetry !== undefined && (
        <Button className="fr-mt-2w" priority="secondary" onClick={onRetry}>
          Réessayer
        </Button>
      )}
    </>
  );
}
