/** A SCIM string literal for a filter: the value quoted, its quotes and backslashes escaped, so it cannot add a clause. */
export function scimString(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}
