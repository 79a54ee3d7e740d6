import type { Store } from '../persistence/Store.js';
import { CommandService } from './CommandService.js';
import { DeletionService } from './DeletionService.js';
import { Onboarding } from './Onboarding.js';
import { PresenceService } from './PresenceService.js';
import { RecallService } from './RecallService.js';
import { WorkshopService } from './WorkshopService.js';

/**
 * The control plane's services over one core (docs/ARCHITECTURE.md). Doors (HTTP routes, the
 * control socket, the cluster bus) take the services they use; nothing else builds them.
 */
export interface ControlPlane {
  /** The core: cache, queue, commit, refresh, eviction. */
  workshops: WorkshopService;
  commands: CommandService;
  onboarding: Onboarding;
  presence: PresenceService;
  deletion: DeletionService;
  recalls: RecallService;
  /** Stops pending timers; called when the server closes. */
  dispose(): void;
}

export function createControlPlane(store: Store, now: () => number = Date.now): ControlPlane {
  const workshops = new WorkshopService(store, now);
  const recalls = new RecallService(workshops);
  return {
    workshops,
    commands: new CommandService(workshops),
    onboarding: new Onboarding(workshops),
    presence: new PresenceService(workshops),
    deletion: new DeletionService(workshops, store),
    recalls,
    dispose: () => recalls.dispose(),
  };
}
