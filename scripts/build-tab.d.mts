export interface TabBuildReport {
  readonly initialJsGzipBytes: number;
  readonly files: readonly string[];
}
export function buildTab(options?: { quiet?: boolean }): Promise<TabBuildReport>;
