/** Joins the class names that apply: `classNames('a', busy && 'b')`. */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
