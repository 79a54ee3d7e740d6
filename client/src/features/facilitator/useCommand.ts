import type { CommandInput } from '@warsztat/shared';
import { useCallback, useState } from 'react';
import type { FailureCode } from '../../api/http';
import { sendCommand } from '../../stores/controlSocket';

export type Run = (command: CommandInput) => Promise<boolean>;

/**
 * Sends commands and keeps the last refusal for display; a success clears it. Controls are not
 * disabled while a command is in flight: a focused control that turns disabled drops keyboard focus.
 */
export function useCommand() {
  const [error, setError] = useState<FailureCode | null>(null);
  const run = useCallback(async (command: CommandInput) => {
    const result = await sendCommand(command);
    setError(result.ok ? null : result.error.code);
    return result.ok;
  }, []);
  return { run, error };
}
