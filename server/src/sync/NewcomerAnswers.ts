import type * as Y from 'yjs';
import { writeStep2, writeStep2Update, writeUpdate } from './messages.js';
import { NewcomerParts } from './NewcomerParts.js';

/** A Yjs update with nothing in it: the step 2 that closes a newcomer's parts. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * How one board answers a sync step 1, and what it keeps to answer newcomers cheaply. In a join
 * storm hundreds of sockets ask for the same state within seconds: a small board's whole state is
 * encoded once and shared until the doc next changes; a large board's newcomers get its stored
 * parts (NewcomerParts, issue #14), framed once per version of the list.
 */
export class NewcomerAnswers {
  /** The whole board as a step-2 message, until the doc next changes. */
  private fullState: Uint8Array | null = null;
  private readonly parts: NewcomerParts;
  /** `parts` as sync messages, encoded once per version of the list (a refresh changes it too). */
  private partMessages: { version: number; messages: Uint8Array[] } | null = null;

  constructor(
    private readonly doc: Y.Doc,
    readStored: () => Promise<Uint8Array[]>,
    /** Whether the store holds enough of the board for newcomers to get it in parts. */
    private readonly isLarge: () => boolean,
  ) {
    this.parts = new NewcomerParts(readStored);
  }

  /** The load is done: a large board starts its parts from what the load read. */
  loaded(stored: readonly Uint8Array[]): void {
    if (this.isLarge()) this.parts.reset(stored);
  }

  /** The doc changed: the shared whole state is stale. */
  changed(): void {
    this.fullState = null;
  }

  /** A durable update, for newcomers of a large board; a board that just grew large reads its parts. */
  durable(update: Uint8Array): void {
    if (this.parts.active) this.parts.add(update);
    else if (this.isLarge()) void this.parts.refresh();
  }

  /** The store's parts shrank to the merged snapshot: newcomers get those from now on. */
  compacted(): void {
    // Freed now rather than at the next newcomer: the parts are about to be read anew or dropped.
    this.partMessages = null;
    if (this.isLarge()) void this.parts.refresh();
    else this.parts.drop();
  }

  /**
   * What the doc holds beyond `stateVector`, as messages to send in order. A newcomer (empty state
   * vector) of a large board gets the stored parts as sync updates and then an empty step 2, which
   * a provider takes as "synced" once it has applied them all; otherwise one step 2.
   */
  answer(stateVector: Uint8Array): Uint8Array[] {
    const isEmpty = stateVector.length === 1 && stateVector[0] === 0;
    if (!isEmpty) return [writeStep2(this.doc, stateVector)];
    const parts = this.parts.list();
    if (parts) {
      const version = this.parts.version;
      if (this.partMessages?.version !== version) {
        this.partMessages = { version, messages: [...parts.map(writeUpdate), writeStep2Update(EMPTY_UPDATE)] };
      }
      return this.partMessages.messages;
    }
    this.fullState ??= writeStep2(this.doc, stateVector);
    return [this.fullState];
  }

  stop(): void {
    this.parts.stop();
  }
}
