export const INSTALL_HINT: string;
export function findChromium(exists?: (path: string) => boolean): string | null;
