import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { User } from "../api";
import { setupRouteFor, useSession } from "../auth/session";
import { Loading } from "./Loading";

/**
 * Renders its children only for a signed-in user, and sends users who still have to
 * change their password or enrol a second factor to that step first.
 */
export function RequireAuth({ children }: { children: (user: User) => ReactNode }) {
  const { state } = useSession();
  const location = useLocation();

  if (state.status === "loading") return <Loading />;
  if (state.status === "anonymous") return <Navigate to="/connexion" replace />;

  const setupRoute = setupRouteFor(state.user);
  if (setupRoute !== null && setupRoute !== location.pathname) {
    return <Navigate to={setupRoute} replace />;
  }
  return <>{children(state.user)}</>;
}
