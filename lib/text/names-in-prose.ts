/** "Springfield PD and Shelbyville SO", as people say a list: commas, then "and" before the last. */
export function namesInProse(names: readonly string[]): string {
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(names);
}

/** "For officers of Springfield PD and Shelbyville SO": who a session for agencies is for. */
export function audienceLine(agencies: readonly { name: string }[]): string {
  return `For officers of ${namesInProse(agencies.map((agency) => agency.name))}`;
}
