export declare function bundleIsStale(dir?: string): boolean;
export declare function buildServerBundle(dir?: string): Promise<void>;
export declare function ensureServerBundle(log?: (line: string) => void): Promise<string>;
