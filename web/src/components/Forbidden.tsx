import { Link } from "react-router";
import { usePageTitle } from "./usePageTitle";

/** Shown when the signed-in role has no access to a screen (the server refuses it too). */
export function Forbidden() {
  usePageTitle("Accès non autorisé");
  return (
    <>
      <h1>Accès non autorisé</h1>
      <p>Votre rôle ne donne pas accès à cette page.</p>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </>
  );
}
