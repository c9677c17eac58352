import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ErrorCode, fetchMe, isApiError, logout as apiLogout, setCsrfToken, type User } from "../api";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "authenticated"; user: User };

interface SessionContextValue {
  state: SessionState;
  /** Called after a successful login or account-setup step with the user the server returned. */
  setUser: (user: User) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then(({ user }) => setState({ status: "authenticated", user }))
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        if (!(isApiError(e) && e.code === ErrorCode.unauthenticated) && !(isApiError(e) && e.status === 401)) {
          // Any other failure also leaves the visitor on the login page.
          console.warn("Session check failed:", isApiError(e) ? e.code : e);
        }
        setState({ status: "anonymous" });
      });
    return () => controller.abort();
  }, []);

  const setUser = useCallback((user: User) => setState({ status: "authenticated", user }), []);

  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } catch {
      // The session is dropped on the client whatever the server answered.
    }
    setCsrfToken(null);
    setState({ status: "anonymous" });
  }, []);

  const value = useMemo(() => ({ state, setUser, logout }), [state, setUser, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}

/** The route where a user must go next to finish setting up their account, if any. */
export function setupRouteFor(user: User): string | null {
  if (user.password_change_required) return "/mot-de-passe";
  if (user.totp_enrolment_required) return "/double-authentification";
  return null;
}
