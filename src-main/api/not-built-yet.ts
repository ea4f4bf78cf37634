// Channels whose feature has not landed answer this plainly; the UI says so
// instead of showing made-up data.
import { ConsoleError } from '../core/console-error';

export function notBuiltYet(): never {
  throw new ConsoleError('not-built', 'errors.notBuiltYet');
}
