import { useEffect } from 'react';
import { connectControl } from './controlSocket';

/** Keeps the control connection open for as long as the calling screen is mounted. */
export function useControlConnection(token: string | undefined): void {
  useEffect(() => {
    if (!token) return;
    return connectControl(token);
  }, [token]);
}
